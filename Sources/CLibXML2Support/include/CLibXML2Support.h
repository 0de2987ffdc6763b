#ifndef CLIBXML2SUPPORT_H
#define CLIBXML2SUPPORT_H

/* Helpers the importer needs from C: declarations only, implemented in CLibXML2Support.c. The libxml2 types
 * are named by their struct tags, so this header needs none of libxml2's headers (which the CLibXML2 module
 * map provides, with its ICU workaround). */

#include <stddef.h>

struct _xmlParserCtxt;
struct _xmlNode;
struct _xmlXPathContext;

/// Calls libxml2's `xmlFree`, a mutable global function pointer that Swift 6 rejects as shared mutable state.
void clibxml2_xmlFree(void *_Nullable ptr);

/// Installs, for the calling thread only, a generic error handler that drops the message. libxml2's iconv glue
/// reports conversion failures through the thread-local generic handler instead of the parser context; the
/// parser then raises its own error through the context's structured handler, which is what the importer
/// reports. The handler is variadic, which Swift cannot write.
void clibxml2_silence_generic_errors_on_this_thread(void);

/// Installs an external entity loader that loads nothing: no file, no network, ever.
void clibxml2_install_refusing_entity_loader(void);

/// Finds the last occurrence of `needle` before the parser's current position in its (UTF-8) input buffer and
/// sets its 1-based line and column (in characters). Used to point a refusal at the `<!DOCTYPE`, `<!ENTITY` or
/// `<` that started the construct the parser has just read. Returns 0 and leaves line/column at the current
/// position when the needle is not in the buffer.
int clibxml2_position_of_last(
    struct _xmlParserCtxt *_Nonnull ctxt, const char *_Nonnull needle, int *_Nonnull line, int *_Nonnull column);

/// The number of elements currently open in the parser.
int clibxml2_open_elements(struct _xmlParserCtxt *_Nonnull ctxt);

/// The first text or CDATA node, or attribute (as its `xmlAttr`, whose leading fields match `xmlNode`), under
/// `root` whose text is longer than `limit` bytes, or NULL.
struct _xmlNode *_Nullable clibxml2_first_text_longer_than(struct _xmlNode *_Nonnull root, size_t limit);

/// Makes the XPath evaluation running on `context` (on another thread) stop at its next counted operation, by
/// lowering the context's operation limit to 1. libxml2 has no other way to interrupt an evaluation; the
/// evaluating thread then fails with XPATH_OP_LIMIT_EXCEEDED. The store is atomic on this side; libxml2 reads
/// the field plainly, which on every platform Swift supports sees the new value at its next check.
void clibxml2_interrupt_xpath(struct _xmlXPathContext *_Nonnull context);

/// Gives the heap's free pages back to the system (glibc's `malloc_trim(0)`, every arena); a no-op elsewhere.
void clibxml2_return_freed_memory(void);

#endif

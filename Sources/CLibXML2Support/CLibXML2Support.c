/* libxml2 helpers for the importer: the logic that belongs in C (a variadic handler, parser internals, a tree
 * walk without Swift overhead). Declared in include/CLibXML2Support.h. */

#include "CLibXML2Support.h"

#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xpath.h>

/// libxml2 exposes `xmlFree` as a mutable global function pointer, which Swift 6 rejects as
/// shared mutable state; calling it from C sidesteps that.
void clibxml2_xmlFree(void *_Nullable ptr) {
    xmlFree(ptr);
}

/// A generic error handler that drops the message. libxml2's iconv glue reports conversion failures
/// through the (thread-local) generic handler instead of the parser context; the parser then raises
/// its own error through the context's structured handler, which is what the importer reports. The
/// handler is variadic, which Swift cannot write, hence C.
static void clibxml2_silent_generic_error(void *_Nullable ctx, const char *_Nonnull msg, ...) {
    (void)ctx;
    (void)msg;
}

/// Installs the silent generic handler for the calling thread only (libxml2 keeps it per thread).
void clibxml2_silence_generic_errors_on_this_thread(void) {
    xmlSetGenericErrorFunc(NULL, clibxml2_silent_generic_error);
}

/// An external entity loader that loads nothing: no file, no network, ever.
static xmlParserInputPtr _Nullable clibxml2_refusing_entity_loader(
    const char *_Nullable url, const char *_Nullable id, xmlParserCtxtPtr _Nullable ctxt) {
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

void clibxml2_install_refusing_entity_loader(void) {
    xmlSetExternalEntityLoader(clibxml2_refusing_entity_loader);
}

/// Finds the last occurrence of `needle` before the parser's current position in its (UTF-8) input
/// buffer and returns its 1-based line and column (in characters). Used to point a refusal at the
/// `<!DOCTYPE`, `<!ENTITY` or `<` that started the construct the parser has just read. Returns 0 and
/// leaves line/column at the current position when the needle is not in the buffer.
int clibxml2_position_of_last(
    xmlParserCtxtPtr _Nonnull ctxt, const char *_Nonnull needle, int *_Nonnull line, int *_Nonnull column) {
    xmlParserInputPtr input = ctxt->input;
    if (input == NULL || input->base == NULL || input->cur == NULL) {
        *line = 0;
        *column = 0;
        return 0;
    }
    *line = input->line;
    *column = input->col;
    size_t needleLength = strlen(needle);
    const xmlChar *base = input->base;
    const xmlChar *cur = input->cur;
    if ((size_t)(cur - base) < needleLength) return 0;
    const xmlChar *probe = cur - needleLength;
    for (;;) {
        if (memcmp(probe, needle, needleLength) == 0) break;
        if (probe == base) return 0;
        probe -= 1;
    }
    /* Newlines between the needle and the current position (the needle itself may hold none). */
    int between = 0;
    for (const xmlChar *p = probe + needleLength; p < cur; p++) {
        if (*p == '\n') between += 1;
    }
    const xmlChar *lineStart = probe;
    while (lineStart > base && lineStart[-1] != '\n') lineStart -= 1;
    /* A UTF-8 byte order mark at the start of the buffer is not a character of the first line. */
    if (lineStart == base && probe - base >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF) {
        lineStart += 3;
    }
    int characters = 0;
    for (const xmlChar *p = lineStart; p < probe; p++) {
        if ((*p & 0xC0) != 0x80) characters += 1;
    }
    *line = input->line - between;
    *column = characters + 1;
    return 1;
}

/// The number of elements currently open in the parser (the depth of the element being started
/// when called from a startElement handler, minus one).
int clibxml2_open_elements(xmlParserCtxtPtr _Nonnull ctxt) {
    return ctxt->nameNr;
}

/// Walks the tree under `root` and returns the first text or CDATA node, or attribute (as its
/// `xmlAttr`, whose leading fields match `xmlNode`), whose text is longer than `limit` bytes, or NULL.
xmlNodePtr _Nullable clibxml2_first_text_longer_than(xmlNodePtr _Nonnull root, size_t limit) {
    xmlNodePtr node = root;
    while (node != NULL) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content != NULL && strlen((const char *)node->content) > limit) return node;
        } else if (node->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next) {
                for (xmlNodePtr value = attr->children; value != NULL; value = value->next) {
                    if (value->content != NULL && strlen((const char *)value->content) > limit) {
                        return (xmlNodePtr)attr;
                    }
                }
            }
            if (node->children != NULL) {
                node = node->children;
                continue;
            }
        }
        while (node != NULL && node != root && node->next == NULL) node = node->parent;
        if (node == NULL || node == root) break;
        node = node->next;
    }
    return NULL;
}


void clibxml2_interrupt_xpath(struct _xmlXPathContext *_Nonnull context) {
    __atomic_store_n(&context->opLimit, 1UL, __ATOMIC_RELEASE);
}

void clibxml2_return_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

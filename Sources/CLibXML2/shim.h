#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/encoding.h>

/// libxml2 exposes `xmlFree` as a mutable global function pointer, which Swift 6 rejects as
/// shared mutable state; calling it from C sidesteps that.
static inline void clibxml2_xmlFree(void *_Nullable ptr) {
    xmlFree(ptr);
}

#endif

#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H


/* libxml2 on Debian is built with ICU, so <libxml/encoding.h> includes ICU's <unicode/ucnv.h>. Its
 * `UErrorCode` clashes with the copy in Foundation's _FoundationICU module in any Swift module that imports
 * both. Only the layout of xmlCharEncodingHandler depends on this macro; Swift never touches that struct's
 * fields (it only passes pointers), so hiding the ICU part is safe. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/encoding.h>
#include <libxml/SAX2.h>

#endif

// The parts of libxml2 NewsGraph uses: streaming writer, XML reader, HTML parser, XPath-free tree walking.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so its encoding.h would include the system ICU headers. Foundation
// brings its own copy of ICU (_FoundationICU) with the same C names, and a module that sees both fails to
// compile ("'UErrorCode' has different definitions in different modules"), depending on build order. NewsGraph
// never touches libxml2's ICU converters (they only add fields to xmlCharEncodingHandler, which we use only
// through pointers), so the ICU part of libxml2's headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

// libxml2's `xmlFree` is a global function pointer, which Swift 6 treats as shared mutable state; this reads
// it in C, where freeing what libxml2 allocated belongs.
static inline void newsgraphXMLFree(void *pointer) { xmlFree(pointer); }

// The parts of libxml2 NewsGraph uses: streaming writer, XML reader, HTML parser, XPath-free tree walking.
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>

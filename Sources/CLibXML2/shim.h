#ifndef ERGRAPH_CLIBXML2_SHIM_H
#define ERGRAPH_CLIBXML2_SHIM_H
// libxml2's SAX2 interface as Debian's libxml2-dev installs it (pkg-config libxml-2.0), for
// reading untrusted XML without Foundation's XMLParser (Sources/ERFormats/Support/XMLEvents.swift).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with Foundation's own copy of ICU in the
// same Swift module graph. Nothing here touches the encoding handler, the one structure whose
// layout that option changes, so its ICU fields are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif

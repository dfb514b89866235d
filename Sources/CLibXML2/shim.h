#ifndef ROOST_CLIBXML2_SHIM_H
#define ROOST_CLIBXML2_SHIM_H
/* libxml2 for Swift.
 * xmlversion.h comes first so that LIBXML_ICU_ENABLED can be undefined before the other
 * headers pull in the system ICU headers, which clash with Foundation's _FoundationICU on a
 * clean build (DESIGN.md, toolchain facts). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/entities.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a C global function pointer, which Swift 6 rejects as shared mutable state. */
static inline void roost_xmlFree(void *p) { xmlFree(p); }

/* Refuses every external entity, DTD and XInclude load: feeds are untrusted and must never
 * make the parser read a local file or the network. */
static inline xmlParserInputPtr roost_refuseExternalEntity(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void roost_installEntityLoaderGuard(void) {
    xmlSetExternalEntityLoader(roost_refuseExternalEntity);
}
#endif

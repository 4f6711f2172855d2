#ifndef ERGRAPH_CGRAPHVIZ_SHIM_H
#define ERGRAPH_CGRAPHVIZ_SHIM_H
// The Graphviz C API as Debian's libgraphviz-dev installs it (pkg-config libgvc).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Exported by libcgraph but missing from its header: resets the DOT lexer after a read, so
// input left over from one agmemread never leaks into the next (docs/GRAPHVIZ.md, "Parser state").
extern void aglexbad(void);

// agtail and aghead are macros, which Swift cannot call.
static inline Agnode_t *cgv_tail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *cgv_head(Agedge_t *edge) { return aghead(edge); }
#endif

#ifndef ERGRAPH_CGRAPHVIZ_SHIM_H
#define ERGRAPH_CGRAPHVIZ_SHIM_H
// The Graphviz C API as Debian's libgraphviz-dev installs it (pkg-config libgvc).
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif

// Package export writes a precedent graph in the formats other tools read —
// DOT (Graphviz), GraphML, GEXF 1.3 (Gephi), node-link and Cytoscape.js
// JSON, CSV (plain or for neo4j-admin import) — and, through its
// sub-packages, as SVG or PNG pictures (draw) and as an interactive map in
// one HTML file (viewer). Write and Save pick the writer by format name.
//
// Every writer is deterministic (byte-identical output for the same graph)
// and escapes names so that any case name, whatever characters it holds,
// survives the trip into the reading tool.
package export

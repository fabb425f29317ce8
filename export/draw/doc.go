// Package draw is citegraph's drawing engine: how a case looks (its label,
// its court's colour, its size by a ranking measure), where it goes (a
// timeline by year for small graphs, force-directed for large ones), and
// the finished picture as SVG or PNG, painted in Go with embedded fonts.
//
// The serialisers of package export use its labels, palette and measures so
// that a case looks the same in every file; the interactive viewer uses its
// layouts so that it opens laid out as the pictures are.
package draw

package draw

import (
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// maxDrawn bounds a label drawn in a picture, in characters; the label
// attribute of the file formats is the node's name whole.
const maxDrawn = 40

// Label is the name a node is drawn and listed with: its short case
// name, or its citation when the name is unknown, on one line either way.
func Label(n *graph.Node) string {
	if s := ShortName(n.Name); s != "" {
		return s
	}
	return truncate(strings.Join(strings.Fields(primaryCitation(n)), " "), maxCite)
}

// maxCite bounds a citation shown in a label; ids of documents with no
// citation can be long.
const maxCite = 48

func primaryCitation(n *graph.Node) string {
	if len(n.Citations) > 0 {
		return n.Citations[0]
	}
	return n.ID
}

// CiteLine is the second line of a drawn label: "424 U.S. 409 (1976)".
// It is empty when the citation already is the label and the year unknown.
func CiteLine(n *graph.Node, label string) string {
	c := truncate(strings.Join(strings.Fields(primaryCitation(n)), " "), maxCite)
	if c == label {
		c = ""
	}
	if n.Year != 0 {
		if c != "" {
			c += " "
		}
		c += "(" + strconv.Itoa(n.Year) + ")"
	}
	return c
}

// ShortName is the name a node is listed by: its short case name (see
// graph.ShortCaseName; the graph's names already are).
func ShortName(name string) string { return graph.ShortCaseName(name) }

// truncate cuts s to at most n characters (see graph.TruncateName).
func truncate(s string, n int) string { return graph.TruncateName(s, n) }

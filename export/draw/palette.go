package draw

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// RGB is an opaque colour.
type RGB struct{ R, G, B uint8 }

// Hex is the colour as CSS and SVG write it: "#0072b2".
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Shade mixes c with black; f in [0, 1] is the share of black.
func (c RGB) Shade(f float64) RGB { return c.mix(0, f) }

// Tint mixes c with white; f in [0, 1] is the share of white.
func (c RGB) Tint(f float64) RGB { return c.mix(255, f) }

func (c RGB) mix(to uint8, f float64) RGB {
	m := func(v uint8) uint8 { return uint8(math.Round(float64(v)*(1-f) + float64(to)*f)) }
	return RGB{m(c.R), m(c.G), m(c.B)}
}

// courtPalette is the Okabe–Ito colour-blind-safe set, strongest hues
// first, so the most frequent courts get the most distinct colours.
var courtPalette = []RGB{
	{0x00, 0x72, 0xb2}, // blue
	{0xd5, 0x5e, 0x00}, // vermillion
	{0x00, 0x9e, 0x73}, // bluish green
	{0xcc, 0x79, 0xa7}, // reddish purple
	{0xe6, 0x9f, 0x00}, // orange
	{0x56, 0xb4, 0xe9}, // sky blue
	{0xf0, 0xe4, 0x42}, // yellow
}

// otherColor is for courts past the palette and for nodes with no court.
var otherColor = RGB{0x99, 0x99, 0x99}

// CourtKey is a legend entry: a court, or "other" for the rest.
type CourtKey struct {
	Court string // "" for other / unknown
	Color RGB
	N     int // nodes of the court
}

// CourtColors gives each of the most frequent courts its own colour (ties
// broken by name, so the assignment is deterministic) and returns the
// legend in palette order; every other node gets otherColor.
func CourtColors(nodes []*graph.Node) (map[string]RGB, []CourtKey) {
	freq := map[string]int{}
	for _, n := range nodes {
		freq[n.Court]++
	}
	var courts []string
	for c := range freq {
		if c != "" {
			courts = append(courts, c)
		}
	}
	slices.SortFunc(courts, func(a, b string) int {
		return cmp.Or(freq[b]-freq[a], cmp.Compare(a, b))
	})
	colors := map[string]RGB{}
	var legend []CourtKey
	other := freq[""]
	for i, c := range courts {
		if i < len(courtPalette) {
			colors[c] = courtPalette[i]
			legend = append(legend, CourtKey{Court: c, Color: courtPalette[i], N: freq[c]})
		} else {
			other += freq[c]
		}
	}
	if other > 0 {
		legend = append(legend, CourtKey{Color: otherColor, N: other})
	}
	return colors, legend
}

// ColorOf is a court's colour in colors, as CourtColors made them.
func ColorOf(colors map[string]RGB, court string) RGB {
	if c, ok := colors[court]; ok {
		return c
	}
	return otherColor
}

// CourtLabel names a court in a legend, a tooltip or a cluster: its short
// name ("9th Cir.", "S.D.N.Y.") when the court table knows the id, else
// the court as the graph has it.
func CourtLabel(court string) string {
	if c, ok := extract.LookupCourt(court); ok {
		return c.Short
	}
	return court
}

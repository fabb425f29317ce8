package draw

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/graph"
)

// Size scales: how a measure becomes a node's size.
const (
	// ScaleArea makes a node's area proportional to its value: a case
	// with twice the PageRank covers twice the ink.
	ScaleArea = "area"
	// ScaleRank makes a node's area proportional to its rank counted from
	// the bottom: the order shows, however skewed the values are.
	ScaleRank = "rank"
)

// SizeMeasure resolves Options.SizeBy against what the graph has.
func SizeMeasure(nodes []*graph.Node, by string) string {
	if by != "" {
		return by
	}
	for _, n := range nodes {
		if _, ok := n.Scores["pagerank"]; ok {
			return "pagerank"
		}
	}
	return "citations"
}

// Measure is a node's value for a measure: its score, or, for the two
// counting measures the graph always has, the count itself.
func Measure(n *graph.Node, m string) float64 {
	if f, ok := n.Scores[m]; ok && !math.IsNaN(f) && !math.IsInf(f, 0) {
		return f
	}
	switch m {
	case "indegree":
		return float64(n.CitingCases)
	case "citations":
		return float64(n.TimesCited)
	}
	return 0
}

// Sizer gives each node its radius for one measure, honestly: the area of
// a node is proportional to its value (ScaleArea) or to its rank counted
// from the bottom (ScaleRank), and the largest node has radius RMax. A
// node that would come out smaller than RFloor is drawn at RFloor, so that
// it can still be seen and clicked; the legend says from which value on.
type Sizer struct {
	Measure string
	Scale   string  // ScaleArea or ScaleRank
	RMax    float64 // radius of the largest value, in pixels
	RFloor  float64 // smallest radius drawn, in pixels
	values  []float64
	ranks   []int // 1 = highest; ties share the best rank
	top     float64
}

// NewSizer sizes nodes by measure m on the given scale ("" is ScaleArea).
// Negative values count as zero.
func NewSizer(nodes []*graph.Node, m, scale string, rMax, rFloor float64) *Sizer {
	if scale == "" {
		scale = ScaleArea
	}
	s := &Sizer{Measure: m, Scale: scale, RMax: rMax, RFloor: rFloor, values: make([]float64, len(nodes))}
	for i, n := range nodes {
		s.values[i] = math.Max(0, Measure(n, m))
		s.top = math.Max(s.top, s.values[i])
	}
	if scale == ScaleRank {
		order := make([]int, len(nodes))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(s.values[b], s.values[a]) })
		s.ranks = make([]int, len(nodes))
		for k, i := range order {
			s.ranks[i] = k + 1
			if k > 0 && s.values[i] == s.values[order[k-1]] {
				s.ranks[i] = s.ranks[order[k-1]]
			}
		}
	}
	return s
}

// Value is node i's value of the measure.
func (s *Sizer) Value(i int) float64 { return s.values[i] }

// share is the fraction of the largest area that a value (ScaleArea) or a
// rank (ScaleRank) gets.
func (s *Sizer) share(v float64) float64 {
	n := float64(len(s.values))
	switch {
	case s.Scale == ScaleRank:
		return (n - v + 1) / n
	case s.top > 0:
		return v / s.top
	}
	return 0.25 // nothing to tell the nodes apart: all alike, mid-sized
}

// exact is the radius that a value or rank's share of the area gives,
// before the floor.
func (s *Sizer) exact(v float64) float64 { return s.RMax * math.Sqrt(s.share(v)) }

// basis is what node i's size is computed from: its value or its rank.
func (s *Sizer) basis(i int) float64 {
	if s.Scale == ScaleRank {
		return float64(s.ranks[i])
	}
	return s.values[i]
}

// Radius is node i's radius in pixels.
func (s *Sizer) Radius(i int) float64 { return math.Max(s.RFloor, s.exact(s.basis(i))) }

// AtFloor reports whether node i is drawn at RFloor, larger than its
// value alone would make it.
func (s *Sizer) AtFloor(i int) bool { return s.exact(s.basis(i)) < s.RFloor }

// LegendSize is one circle of a size legend: a round value of the measure
// (or a round rank) and the radius nodes of that value are drawn with.
type LegendSize struct {
	Value float64 // the measure's value, or the rank
	Label string
	R     float64
}

// Legend gives two or three round values spread over what the nodes
// have, largest first, each with the radius a node of that value gets:
// the legend's circles are drawn at the nodes' own scale. Values are from
// the 1-2-5 series (0.1, 0.05, 0.02 ...; ranks 1, 500, 1,000 ...): the
// largest not above the top value, the smallest not below the least value
// drawn above the floor, and, when there is room, the one between nearest
// their geometric mean.
func (s *Sizer) Legend() []LegendSize {
	if s.top <= 0 && s.Scale != ScaleRank {
		return []LegendSize{{Value: 0, Label: "0", R: s.exact(0)}}
	}
	lo, worst := math.Inf(1), 1.0
	for i := range s.values {
		if !s.AtFloor(i) {
			lo, worst = math.Min(lo, s.basis(i)), math.Max(worst, s.basis(i))
		}
	}
	hi := s.top
	if s.Scale == ScaleRank {
		// Ranks run the other way: rank 1 is the largest circle.
		hi, lo = worst, 1
	}
	// The series from hi down past lo, and at least two values, so that
	// the legend shows a scale even when the values are close together.
	var round []float64
	for v := roundDown(hi); v > 0; v = roundDown(v * (1 - 1e-6)) {
		round = append(round, v)
		if (v <= lo && len(round) > 1) || len(round) > 60 {
			break
		}
	}
	pick := []float64{round[0]}
	if len(round) > 1 {
		last := round[len(round)-1]
		if len(round) > 2 {
			mid := math.Sqrt(round[0] * last)
			best := round[1]
			for _, v := range round[1 : len(round)-1] {
				if math.Abs(math.Log(v/mid)) < math.Abs(math.Log(best/mid)) {
					best = v
				}
			}
			pick = append(pick, best)
		}
		pick = append(pick, last)
	}
	if s.Scale == ScaleRank {
		slices.Reverse(pick) // from the largest circle, rank 1
	}
	out := make([]LegendSize, 0, len(pick))
	for _, v := range pick {
		label := FormatValue(v)
		if s.Scale == ScaleRank {
			label = "rank " + formatRank(v)
		}
		out = append(out, LegendSize{Value: v, Label: label, R: s.exact(v)})
	}
	return out
}

// FloorValue is the value (or rank) under which nodes are drawn at
// RFloor, not smaller; 0 when no node is.
func (s *Sizer) FloorValue() float64 {
	f := s.RFloor / s.RMax
	if s.Scale == ScaleRank {
		r := float64(len(s.values)) + 1 - f*f*float64(len(s.values))
		if r > float64(len(s.values)) {
			return 0
		}
		return math.Floor(r)
	}
	return f * f * s.top
}

// FloorNote says which nodes are drawn at RFloor rather than at their own
// size, for a legend: "under 0.00005" or "rank 12,000 and below"; "" when
// no node is.
func (s *Sizer) FloorNote() string {
	v := s.FloorValue()
	if v <= 0 || !s.anyAtFloor() {
		return ""
	}
	if s.Scale == ScaleRank {
		return "rank " + formatRank(v) + " and below"
	}
	return "under " + FormatValue(v)
}

func (s *Sizer) anyAtFloor() bool {
	for i := range s.values {
		if s.AtFloor(i) {
			return true
		}
	}
	return false
}

// roundDown is the largest number of the 1-2-5 series (…, 0.1, 0.2, 0.5,
// 1, 2, 5, 10, …) not above v; v must be positive.
func roundDown(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{5, 2, 1} {
		// A tolerance: 0.3 is not quite 3 × 0.1 in floating point.
		if m*p <= v*(1+1e-9) {
			return m * p
		}
	}
	return p
}

// FormatValue writes a measure's value for people: up to three
// significant digits, whole numbers from 1,000 on, never in e-notation
// ("0.00005", not "5e-05").
func FormatValue(v float64) string {
	if math.Abs(v) >= 1000 || v == math.Trunc(v) {
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	}
	s := strconv.FormatFloat(v, 'g', 3, 64)
	if !strings.ContainsAny(s, "eE") {
		return s
	}
	f, _ := strconv.ParseFloat(s, 64)
	digits := 2 - int(math.Floor(math.Log10(math.Abs(f))))
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(f, 'f', digits, 64), "0"), ".")
}

// formatRank writes a rank with thousands separated: "12,500".
func formatRank(r float64) string {
	s := strconv.FormatFloat(r, 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

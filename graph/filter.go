package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"

	"github.com/citegraph/citegraph/extract"
)

// Filter selects part of a graph. The zero value keeps everything; each
// set field narrows the selection, in the order of the fields.
type Filter struct {
	// Courts keeps the cases of these courts (compared without regard to
	// case).
	Courts []string
	// Since keeps cases decided in or after this year; cases of unknown
	// year are dropped.
	Since int
	// Until keeps cases decided up to this year: the graph "as of" Until.
	// A case of unknown year stays when a kept case cites it, since a
	// case can only cite what was decided before it.
	Until int
	// MinWeight drops edges of fewer citations, and then the cases left
	// without any edge.
	MinWeight int
	// Around keeps only the neighbourhood of one case (an id, any of its
	// citations as written, or its exact name): the cases within Depth
	// citations of it, citing or cited. Depth 0 means 1.
	Around string
	Depth  int
	// Top keeps the Top cases with the highest By score, and the edges
	// among them. A score already attached to the graph is used as it is;
	// otherwise it is computed on what the other fields kept, with
	// RankOptions.
	Top         int
	By          string
	RankOptions RankOptions
}

// IsZero reports whether f keeps everything.
func (f *Filter) IsZero() bool {
	return len(f.Courts) == 0 && f.Since == 0 && f.Until == 0 && f.MinWeight == 0 && f.Around == "" && f.Top == 0
}

// Filter returns the subgraph f selects, as a new graph. Nodes keep their
// data, scores and counts from g (so a case's TimesCited still counts
// citations from the whole corpus); call Recount on the result to count
// within the subgraph. ctx stops the ranking that Top may need (see Rank).
func (g *Graph) Filter(ctx context.Context, f Filter) (*Graph, error) {
	if f.Top < 0 || f.Depth < 0 || f.MinWeight < 0 {
		return nil, fmt.Errorf("negative filter value (top %d, depth %d, min weight %d)", f.Top, f.Depth, f.MinWeight)
	}
	if f.Top > 0 && !IsMeasure(f.By) {
		return nil, fmt.Errorf("top %d by %q: unknown measure (want one of %s)", f.Top, f.By, strings.Join(Measures, ", "))
	}
	s := g.store
	s.settle()
	keep := make([]bool, len(s.ids))
	for _, i := range s.sorted() {
		keep[i] = true
	}
	if len(f.Courts) > 0 {
		for i := range keep {
			keep[i] = keep[i] && slices.ContainsFunc(f.Courts, func(c string) bool { return strings.EqualFold(c, s.strs[s.courts[i]]) })
		}
	}
	if f.Since != 0 {
		for i := range keep {
			keep[i] = keep[i] && s.years[i] != 0 && int(s.years[i]) >= f.Since
		}
	}
	if f.Until != 0 {
		g.keepUntil(keep, f.Until)
	}
	edgeOK := func(w int32) bool { return int(w) >= f.MinWeight }
	if f.MinWeight > 0 {
		touched := make([]bool, len(keep))
		for i := range int32(len(keep)) {
			to, w, _ := s.row(i)
			for k, j := range to {
				if keep[i] && keep[j] && edgeOK(w[k]) {
					touched[i], touched[j] = true, true
				}
			}
		}
		keep = touched
	}
	if f.Around != "" {
		center, err := g.Lookup(f.Around)
		if err != nil {
			return nil, err
		}
		c, _ := s.lookup(center.ID)
		if !keep[c] {
			return nil, fmt.Errorf("%s (%s) is filtered out by the other filters", center.ID, center.Name)
		}
		g.keepAround(keep, c, max(f.Depth, 1), edgeOK)
	}
	sub, err := g.subgraph(keep, edgeOK)
	if err != nil || f.Top == 0 {
		return sub, err
	}
	if _, ok := sub.store.scores[f.By]; !ok {
		if _, err := sub.Rank(ctx, f.By, f.RankOptions); err != nil {
			return nil, err
		}
	}
	top, err := sub.Top(f.By, f.Top)
	if err != nil {
		return nil, err
	}
	keep = make([]bool, len(sub.store.ids))
	for _, r := range top {
		i, _ := sub.store.lookup(r.Node.ID)
		keep[i] = true
	}
	return sub.subgraph(keep, edgeOK)
}

// keepUntil drops cases decided after year, and cases of unknown year that
// no remaining case cites (directly or through other unknown-year cases).
func (g *Graph) keepUntil(keep []bool, year int) {
	s := g.store
	eligible := slices.Clone(keep)
	var queue []int32
	for i := range keep {
		y := int(s.years[i])
		switch {
		case !keep[i]:
		case y == 0:
			keep[i] = false // unless reached below
		case y > year:
			keep[i] = false
		default:
			queue = append(queue, int32(i))
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		to, _, _ := s.row(i)
		for _, j := range to {
			if !keep[j] && s.years[j] == 0 && eligible[j] {
				keep[j] = true
				queue = append(queue, j)
			}
		}
	}
}

// keepAround narrows keep to the nodes within depth steps of center,
// following kept edges either way.
func (g *Graph) keepAround(keep []bool, center int32, depth int, edgeOK func(weight int32) bool) {
	s := g.store
	dist := make([]int32, len(keep))
	for i := range dist {
		dist[i] = -1
	}
	dist[center] = 0
	queue := []int32{center}
	visit := func(from, j int32) {
		if keep[j] && dist[j] < 0 {
			dist[j] = dist[from] + 1
			queue = append(queue, j)
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if int(dist[i]) == depth {
			continue
		}
		to, w, _ := s.row(i)
		for k, j := range to {
			if edgeOK(w[k]) {
				visit(i, j)
			}
		}
		from, w := s.inRow(i)
		for k, j := range from {
			if edgeOK(w[k]) {
				visit(i, j)
			}
		}
	}
	for i := range keep {
		keep[i] = dist[i] >= 0
	}
}

// subgraph copies the kept nodes, and the edges between them that pass
// edgeOK, into a new graph.
func (g *Graph) subgraph(keep []bool, edgeOK func(weight int32) bool) (*Graph, error) {
	s := g.store
	sub := New()
	order := s.sorted()
	newIndex := make([]int32, len(s.ids))
	for _, i := range order {
		if keep[i] {
			newIndex[i] = int32(len(sub.store.ids))
			if err := sub.AddNode(s.node(i)); err != nil {
				return nil, err
			}
		}
	}
	for _, m := range g.Measures() {
		if _, ok := sub.store.scores[m]; !ok {
			// A measure only zeros would have carried.
			sub.store.scores[m] = make([]float64, len(sub.store.ids))
		}
	}
	var edges bulk
	for _, i := range order {
		if !keep[i] {
			continue
		}
		to, w, extra := s.row(i)
		for k, j := range to {
			if !keep[j] || !edgeOK(w[k]) {
				continue
			}
			e := bulkEdge{from: newIndex[i], to: newIndex[j], w: w[k]}
			if extra != nil && extra[k] != 0 {
				var d Edge
				s.unpack(extra[k], &d)
				off, err := sub.store.pack(&d)
				if err != nil {
					return nil, err
				}
				e.extra = off
			}
			edges.add(e)
		}
	}
	if err := sub.store.setRows(&edges, nil); err != nil {
		return nil, err
	}
	for i, d := range g.docs {
		if keep[d.node] {
			if r, ok := g.reasons[int32(i)]; ok {
				if sub.reasons == nil {
					sub.reasons = make(map[int32][]Count)
				}
				sub.reasons[int32(len(sub.docs))] = r
			}
			d.node = newIndex[d.node]
			d.opinion, d.name, d.court = sub.store.intern(s.strs[d.opinion]), 0, 0
			sub.docs = append(sub.docs, d)
		}
	}
	return sub, nil
}

// Lookup finds a case by its id, by any of its citations (as written:
// "424 U. S. 409" finds "424 U.S. 409"), or by its name ("Imbler v.
// Pachtman", "in re gault"): names are compared as short case names,
// without regard to case, punctuation or "v." against "vs.". A name that
// several cases bear means the one in the corpus, or the one cited far
// more than the others (see clearChoice), and is otherwise an error
// listing them; so is a reference nothing fits, which suggests the
// closest names (see Suggest).
func (g *Graph) Lookup(ref string) (Node, error) {
	s := g.store
	ref = strings.Join(strings.Fields(ref), " ")
	idx := s.citationIndex()
	try := []string{ref}
	for _, c := range extract.Extract(ref) {
		if c.Kind == extract.Full || c.Kind == extract.Law {
			try = append(try, c.Ref.String())
			for _, p := range c.Parallel {
				try = append(try, p.String())
			}
		}
	}
	for _, c := range try {
		if i, ok := s.lookup(c); ok {
			return s.node(i), nil
		}
		if i, ok := idx[c]; ok {
			return s.node(i), nil
		}
	}
	key := nameKey(ShortCaseName(ref))
	var named []int32
	for _, i := range s.sorted() {
		if key != "" && nameKey(s.names[i]) == key {
			named = append(named, i)
		}
	}
	if i, ok := s.clearChoice(named); ok {
		return s.node(i), nil
	}
	switch len(named) {
	case 0:
		msg := fmt.Sprintf("no case %q in the graph", ref)
		if close := g.Suggest(ref, 5); len(close) > 0 {
			msg += "; did you mean " + describeNodes(close) + "?"
		}
		return Node{}, errors.New(msg)
	}
	list := make([]Node, len(named))
	for k, i := range named {
		list[k] = s.node(i)
	}
	return Node{}, fmt.Errorf("%q names %d cases (%s): give a citation", ref, len(named), describeNodes(list))
}

// clearChoice picks the case a name means among the cases that bear it:
// the only one, or the only one in the corpus, or one cited by more than
// twice as many cases as any other (a name is often borne by a phantom
// case or two, made of a misread pin cite).
func (s *Store) clearChoice(named []int32) (int32, bool) {
	if len(named) == 1 {
		return named[0], true
	}
	var in []int32
	for _, i := range named {
		if s.inCorpus[i] {
			in = append(in, i)
		}
	}
	if len(in) == 1 {
		return in[0], true
	}
	if len(in) > 1 {
		named = in
	}
	byCiting := slices.Clone(named)
	slices.SortStableFunc(byCiting, func(a, b int32) int { return cmp.Compare(s.counts[b][0], s.counts[a][0]) })
	if len(byCiting) > 1 && s.counts[byCiting[0]][0] > 2*s.counts[byCiting[1]][0] {
		return byCiting[0], true
	}
	return 0, false
}

// describeNodes lists cases as "Imbler v. Pachtman (424 U.S. 409, 1976)",
// the first ten of them.
func describeNodes(list []Node) string {
	var parts []string
	for _, n := range list[:min(len(list), 10)] {
		d := n.ID
		if n.Year != 0 {
			d += ", " + strconv.Itoa(n.Year)
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", n.Name, d))
	}
	if len(list) > 10 {
		parts = append(parts, fmt.Sprintf("and %d more", len(list)-10))
	}
	return strings.Join(parts, ", ")
}

// nameKey is a case name reduced to what tells names apart: lower-case
// letters and digits, single spaces, "vs" as "v".
func nameKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			space = true
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(" "+b.String()+" ", " vs ", " v "))
}

// Suggest returns up to n cases whose names are closest to name, closest
// first: those sharing a word with it (or, in graphs of up to 100,000
// cases, any), ranked by the edit distance between the names (Levenshtein,
// on the forms nameKey gives), ties going to the most cited.
func (g *Graph) Suggest(name string, n int) []Node {
	s := g.store
	key := nameKey(ShortCaseName(name))
	if key == "" {
		return nil
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(key) {
		if len(w) > 2 {
			words[w] = true
		}
	}
	type cand struct {
		i    int32
		dist int
	}
	var cands []cand
	for _, i := range s.sorted() {
		k := nameKey(s.names[i])
		if k == "" {
			continue
		}
		shared := false
		for _, w := range strings.Fields(k) {
			shared = shared || words[w]
		}
		if !shared && s.live > 100_000 {
			continue
		}
		d := levenshtein.ComputeDistance(key, k)
		// A name no nearer than its own length is no suggestion.
		if d < max(len(key), len(k))/2 || shared {
			cands = append(cands, cand{i, d})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), cmp.Compare(s.counts[b.i][0], s.counts[a.i][0]))
	})
	var out []Node
	for _, c := range cands[:min(len(cands), n)] {
		out = append(out, s.node(c.i))
	}
	return out
}

// citationIndex maps every citation of every node to the node.
func (s *Store) citationIndex() map[string]int32 {
	idx := make(map[string]int32, len(s.cites))
	for _, i := range s.sorted() {
		for _, c := range s.cites[s.citeRun[i][0]:s.citeRun[i][1]] {
			idx[c] = i
		}
	}
	return idx
}

package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	dg "github.com/dominikbraun/graph"
)

// Store keeps the precedent graph for github.com/dominikbraun/graph in a
// compact form, so that a national corpus (millions of cases, tens of
// millions of citing pairs) fits in memory: dominikbraun/graph's own store
// spends a map entry, a property map and an interface value per edge,
// which at 30 million edges runs past the memory of one machine.
//
// Node ids are interned to dense int32 indices and node data is kept in
// columns. Edges are compressed sparse rows: the out-edges of node i are
// positions outStart[i] to outStart[i+1] of flat target, weight and
// attribute columns, sorted by target index, and the in-edges mirror them
// (source and weight, sorted by source index). That is 20 bytes an edge;
// pins, signals, opinions, parentheticals and pages are packed as varints
// of interned string numbers into an append-only byte arena, so an edge
// without them costs nothing more.
//
// Graphs are built in bulk (the Builder and the readers collect their
// edges and sort them into rows once, on every core). Edges added, changed
// or removed one at a time through the model wait in a small overlay until
// something reads the adjacency, which then merges them in one pass: cheap
// for the small graphs and tests that work that way.
//
// A Store is safe for concurrent readers, but not for a writer running
// alongside anything else, like dominikbraun/graph's default store.
type Store struct {
	// index maps ids to indices. A store filled in bulk builds it on first
	// use (see lookup): ranking an edge list never needs it.
	index   map[string]int32
	indexed atomic.Bool
	ids     []string // "" once the vertex is removed
	live    int

	// Node columns, by index. The citations of node i are the run
	// cites[citeRun[i][0]:citeRun[i][1]].
	kinds    []NodeKind
	inCorpus []bool
	names    []string
	courts   []uint32 // interned
	years    []int32
	citeRun  [][2]uint32
	cites    []string
	counts   [][3]int32 // CitingCases, TimesCited, Cites
	scores   map[string][]float64

	// The rows. outExtra is nil while no edge has packed attributes.
	outStart []int
	outTo    []int32
	outW     []int32
	outExtra []uint32
	inStart  []int
	inFrom   []int32
	inW      []int32
	edges    int

	// The overlay of one-at-a-time changes: edges added since the rows
	// were last built, and edges of the rows removed since. dirty says
	// either holds something.
	added   map[[2]int32]edgeRec
	removed map[[2]int32]bool
	dirty   atomic.Bool

	strs   []string // strs[0] is ""
	strIdx map[string]uint32
	arena  [][]byte

	// ordered is true while every index was added in ascending id order,
	// so that index order is id order; otherwise byID caches the indices
	// sorted by id.
	ordered bool
	mu      sync.Mutex
	byID    []int32
	rank    []int32 // rank[i] = position of index i in byID
}

// edgeRec is one edge as the overlay and the bulk builders pass it.
type edgeRec struct {
	to     int32
	weight int32
	extra  uint32 // arena offset of the packed attributes; 0 when none
}

// arenaChunk is the size of one arena block; a block is never copied once
// written, so growing the arena costs no copy of what is already there.
const (
	arenaChunkBits = 20
	arenaChunk     = 1 << arenaChunkBits
	maxArenaChunks = 1 << (32 - arenaChunkBits)
)

// NewStore returns an empty store.
func NewStore() *Store {
	s := &Store{
		index:    make(map[string]int32),
		scores:   make(map[string][]float64),
		outStart: []int{0},
		inStart:  []int{0},
		strs:     []string{""},
		strIdx:   map[string]uint32{"": 0},
		// Offset 0 means "no attributes", so the arena starts with a pad byte.
		arena:   [][]byte{make([]byte, 1, arenaChunk)},
		ordered: true,
	}
	s.indexed.Store(true)
	return s
}

// lookup returns the index of node id.
func (s *Store) lookup(id string) (int32, bool) {
	if !s.indexed.Load() {
		s.mu.Lock()
		if !s.indexed.Load() {
			s.index = make(map[string]int32, s.live)
			for i, id := range s.ids {
				if id != "" {
					s.index[id] = int32(i)
				}
			}
			s.indexed.Store(true)
		}
		s.mu.Unlock()
	}
	i, ok := s.index[id]
	return i, ok
}

var _ dg.Store[string, Node] = (*Store)(nil)

// reserve makes room for n more nodes, so that a builder that knows their
// number adds them without the slack of growing columns.
func (s *Store) reserve(n int) {
	if len(s.index) == 0 && s.indexed.Load() {
		s.index = make(map[string]int32, n)
	}
	s.kinds = slices.Grow(s.kinds, n)
	s.inCorpus = slices.Grow(s.inCorpus, n)
	s.names = slices.Grow(s.names, n)
	s.courts = slices.Grow(s.courts, n)
	s.years = slices.Grow(s.years, n)
	s.citeRun = slices.Grow(s.citeRun, n)
	s.counts = slices.Grow(s.counts, n)
	s.ids = slices.Grow(s.ids, n)
	s.outStart = slices.Grow(s.outStart, n)
	s.inStart = slices.Grow(s.inStart, n)
}

func (s *Store) intern(v string) uint32 {
	if i, ok := s.strIdx[v]; ok {
		return i
	}
	i := uint32(len(s.strs))
	s.strs = append(s.strs, v)
	s.strIdx[v] = i
	return i
}

// AddVertex adds a node. Its counts and scores are taken as given; ids
// must be non-empty.
func (s *Store) AddVertex(id string, n Node, _ dg.VertexProperties) error {
	if id == "" {
		return errors.New("empty node id")
	}
	if _, ok := s.lookup(id); ok {
		return dg.ErrVertexAlreadyExists
	}
	if len(s.ids) >= 1<<31-1 {
		return errors.New("too many nodes")
	}
	i := int32(len(s.ids))
	if s.ordered && len(s.ids) > 0 && s.ids[len(s.ids)-1] >= id {
		s.ordered = false
	}
	s.index[id] = i
	s.ids = append(s.ids, id)
	s.live++
	s.kinds = append(s.kinds, n.Kind)
	s.inCorpus = append(s.inCorpus, n.InCorpus)
	s.names = append(s.names, n.Name)
	s.courts = append(s.courts, s.intern(n.Court))
	s.years = append(s.years, int32(n.Year))
	s.citeRun = append(s.citeRun, s.addCites(n.Citations))
	s.counts = append(s.counts, [3]int32{int32(n.CitingCases), int32(n.TimesCited), int32(n.Cites)})
	for m, col := range s.scores {
		s.scores[m] = append(col, n.Scores[m])
	}
	for m, v := range n.Scores {
		if _, ok := s.scores[m]; !ok {
			col := make([]float64, len(s.ids))
			col[i] = v
			s.scores[m] = col
		}
	}
	// A new node has empty rows, whether or not the overlay is merged yet.
	s.outStart = append(s.outStart, s.outStart[len(s.outStart)-1])
	s.inStart = append(s.inStart, s.inStart[len(s.inStart)-1])
	s.invalidateOrder()
	return nil
}

// setNode replaces the data of node i, its id included; the readers use
// it for a node that edges named before its declaration.
func (s *Store) setNode(i int32, n Node) {
	if old := s.ids[i]; old != n.ID {
		s.lookup(old)
		delete(s.index, old)
		s.index[n.ID] = i
		s.ids[i] = n.ID
		s.ordered = false
		s.invalidateOrder()
	}
	s.kinds[i], s.inCorpus[i], s.names[i] = n.Kind, n.InCorpus, n.Name
	s.courts[i], s.years[i] = s.intern(n.Court), int32(n.Year)
	s.counts[i] = [3]int32{int32(n.CitingCases), int32(n.TimesCited), int32(n.Cites)}
	for m, v := range n.Scores {
		col, ok := s.scores[m]
		if !ok {
			col = make([]float64, len(s.ids))
			s.scores[m] = col
		}
		col[i] = v
	}
	// The old run is left unused: nodes declared after edges named them
	// have none.
	s.citeRun[i] = s.addCites(n.Citations)
}

// addCites appends a run of citations and returns its bounds.
func (s *Store) addCites(c []string) [2]uint32 {
	a := uint32(len(s.cites))
	s.cites = append(s.cites, c...)
	return [2]uint32{a, uint32(len(s.cites))}
}

func (s *Store) invalidateOrder() {
	s.mu.Lock()
	s.byID, s.rank = nil, nil
	s.mu.Unlock()
}

// node builds the Node at index i. Its Citations share the store's memory:
// callers must copy them before changing them.
func (s *Store) node(i int32) Node {
	a, b := s.citeRun[i][0], s.citeRun[i][1]
	c := s.counts[i]
	n := Node{
		ID:          s.ids[i],
		Kind:        s.kinds[i],
		Name:        s.names[i],
		Court:       s.strs[s.courts[i]],
		Year:        int(s.years[i]),
		InCorpus:    s.inCorpus[i],
		CitingCases: int(c[0]),
		TimesCited:  int(c[1]),
		Cites:       int(c[2]),
	}
	if a < b {
		n.Citations = s.cites[a:b:b]
	}
	if len(s.scores) > 0 {
		n.Scores = make(map[string]float64, len(s.scores))
		for m, col := range s.scores {
			n.Scores[m] = col[i]
		}
	}
	return n
}

// Vertex returns the node with the given id.
func (s *Store) Vertex(id string) (Node, dg.VertexProperties, error) {
	i, ok := s.lookup(id)
	if !ok {
		return Node{}, dg.VertexProperties{}, dg.ErrVertexNotFound
	}
	return s.node(i), dg.VertexProperties{}, nil
}

// RemoveVertex removes a node that has no edges. Its index is not reused.
func (s *Store) RemoveVertex(id string) error {
	i, ok := s.lookup(id)
	if !ok {
		return dg.ErrVertexNotFound
	}
	s.settle()
	if s.outStart[i+1] > s.outStart[i] || s.inStart[i+1] > s.inStart[i] {
		return dg.ErrVertexHasEdges
	}
	delete(s.index, id)
	s.ids[i] = ""
	s.live--
	s.invalidateOrder()
	return nil
}

// ListVertices returns the node ids in ascending order.
func (s *Store) ListVertices() ([]string, error) {
	ids := make([]string, 0, s.live)
	for _, i := range s.sorted() {
		ids = append(ids, s.ids[i])
	}
	return ids, nil
}

// VertexCount returns the number of nodes.
func (s *Store) VertexCount() (int, error) { return s.live, nil }

// sorted returns the indices of the live nodes in ascending id order.
func (s *Store) sorted() []int32 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID != nil {
		return s.byID
	}
	order := make([]int32, 0, s.live)
	for i, id := range s.ids {
		if id != "" {
			order = append(order, int32(i))
		}
	}
	if !s.ordered {
		parallelSort(order, func(a, b int32) int { return strings.Compare(s.ids[a], s.ids[b]) })
		s.rank = make([]int32, len(s.ids))
		for r, i := range order {
			s.rank[i] = int32(r)
		}
	}
	s.byID = order
	return order
}

// row returns the out-edges of node i: targets, weights and attribute
// offsets (nil when no edge has attributes). The overlay must be settled.
func (s *Store) row(i int32) (to, w []int32, extra []uint32) {
	a, b := s.outStart[i], s.outStart[i+1]
	if s.outExtra != nil {
		extra = s.outExtra[a:b]
	}
	return s.outTo[a:b], s.outW[a:b], extra
}

// inRow returns the in-edges of node j: sources and weights.
func (s *Store) inRow(j int32) (from, w []int32) {
	a, b := s.inStart[j], s.inStart[j+1]
	return s.inFrom[a:b], s.inW[a:b]
}

// rec returns edge k of the rows.
func (s *Store) rec(k int) edgeRec {
	r := edgeRec{to: s.outTo[k], weight: s.outW[k]}
	if s.outExtra != nil {
		r.extra = s.outExtra[k]
	}
	return r
}

// outSorted returns the positions of node i's out-edges in ascending
// target id order.
func (s *Store) outSorted(i int32) []int {
	a, b := s.outStart[i], s.outStart[i+1]
	pos := make([]int, b-a)
	for k := range pos {
		pos[k] = a + k
	}
	if !s.ordered && len(pos) > 1 {
		s.sorted()
		rank := s.rank
		slices.SortFunc(pos, func(x, y int) int { return int(rank[s.outTo[x]]) - int(rank[s.outTo[y]]) })
	}
	return pos
}

// findRow looks for the edge from → to in the rows: its position, or -1.
func (s *Store) findRow(from, to int32) int {
	a, b := s.outStart[from], s.outStart[from+1]
	k, found := sort.Find(b-a, func(k int) int { return int(to) - int(s.outTo[a+k]) })
	if !found {
		return -1
	}
	return a + k
}

// find returns the edge from → to, looking in the overlay too.
func (s *Store) find(from, to int32) (edgeRec, int, bool) {
	if s.dirty.Load() {
		if r, ok := s.added[[2]int32{from, to}]; ok {
			return r, -1, true
		}
		if s.removed[[2]int32{from, to}] {
			return edgeRec{}, -1, false
		}
	}
	if from >= int32(len(s.outStart)-1) {
		return edgeRec{}, -1, false
	}
	k := s.findRow(from, to)
	if k < 0 {
		return edgeRec{}, -1, false
	}
	return s.rec(k), k, true
}

func (s *Store) pair(from, to string) (int32, int32, error) {
	i, ok := s.lookup(from)
	if !ok {
		return 0, 0, fmt.Errorf("source %q: %w", from, dg.ErrVertexNotFound)
	}
	j, ok := s.lookup(to)
	if !ok {
		return 0, 0, fmt.Errorf("target %q: %w", to, dg.ErrVertexNotFound)
	}
	return i, j, nil
}

// edgeOf reads the Edge data a caller handed to dominikbraun/graph.
func edgeOf(e dg.Edge[string]) Edge {
	var d Edge
	switch v := e.Properties.Data.(type) {
	case Edge:
		d = v
	case *Edge:
		d = *v
	}
	d.From, d.To, d.Weight = e.Source, e.Target, e.Properties.Weight
	return d
}

// AddEdge adds the edge from → to. Its Properties.Weight is the number of
// citations; Properties.Data, when an Edge, carries the rest.
func (s *Store) AddEdge(from, to string, e dg.Edge[string]) error {
	i, j, err := s.pair(from, to)
	if err != nil {
		return err
	}
	if _, _, found := s.find(i, j); found {
		return dg.ErrEdgeAlreadyExists
	}
	rec, err := s.record(j, edgeOf(e))
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := [2]int32{i, j}
	if s.removed[p] {
		// Still in the rows: it comes back in place.
		delete(s.removed, p)
		s.setRow(s.findRow(i, j), rec)
	} else {
		if s.added == nil {
			s.added = make(map[[2]int32]edgeRec)
		}
		s.added[p] = rec
	}
	s.dirty.Store(len(s.added)+len(s.removed) > 0)
	s.edges++
	return nil
}

// setRow replaces the weight and attributes of edge k of the rows, and
// the weight of its mirror in the in-rows.
func (s *Store) setRow(k int, rec edgeRec) {
	s.outW[k] = rec.weight
	if rec.extra != 0 && s.outExtra == nil {
		s.outExtra = make([]uint32, len(s.outTo))
	}
	if s.outExtra != nil {
		s.outExtra[k] = rec.extra
	}
	from := int32(sort.Search(len(s.outStart)-1, func(i int) bool { return s.outStart[i+1] > k }))
	a, b := s.inStart[rec.to], s.inStart[rec.to+1]
	m, _ := slices.BinarySearch(s.inFrom[a:b], from)
	s.inW[a+m] = rec.weight
}

func (s *Store) record(to int32, d Edge) (edgeRec, error) {
	if d.Weight < 0 || d.Weight > 1<<31-1 {
		return edgeRec{}, fmt.Errorf("edge weight %d out of range", d.Weight)
	}
	off, err := s.pack(&d)
	return edgeRec{to: to, weight: int32(d.Weight), extra: off}, err
}

// UpdateEdge replaces the data of an existing edge.
func (s *Store) UpdateEdge(from, to string, e dg.Edge[string]) error {
	i, j, err := s.pair(from, to)
	if err != nil {
		return err
	}
	_, k, found := s.find(i, j)
	if !found {
		return dg.ErrEdgeNotFound
	}
	rec, err := s.record(j, edgeOf(e))
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if k < 0 {
		s.added[[2]int32{i, j}] = rec
	} else {
		s.setRow(k, rec)
	}
	return nil
}

// RemoveEdge removes the edge from → to.
func (s *Store) RemoveEdge(from, to string) error {
	i, j, err := s.pair(from, to)
	if err != nil {
		return err
	}
	_, k, found := s.find(i, j)
	if !found {
		return dg.ErrEdgeNotFound
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := [2]int32{i, j}
	if k < 0 {
		delete(s.added, p)
	} else {
		if s.removed == nil {
			s.removed = make(map[[2]int32]bool)
		}
		s.removed[p] = true
	}
	s.dirty.Store(len(s.added)+len(s.removed) > 0)
	s.edges--
	return nil
}

// settle merges the overlay into the rows. Every reader of the adjacency
// calls it first.
func (s *Store) settle() {
	if !s.dirty.Load() {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty.Load() {
		return
	}
	var b bulk
	for i := range int32(len(s.outStart) - 1) {
		to, w, extra := s.row(i)
		for k := range to {
			if s.removed[[2]int32{i, to[k]}] {
				continue
			}
			e := bulkEdge{from: i, to: to[k], w: w[k]}
			if extra != nil {
				e.extra = extra[k]
			}
			b.add(e)
		}
	}
	for p, r := range s.added {
		b.add(bulkEdge{from: p[0], to: p[1], w: r.weight, extra: r.extra})
	}
	s.added, s.removed = nil, nil
	// The overlay never holds two records of one pair, so nothing merges.
	s.setRows(&b, nil)
	s.dirty.Store(false)
}

// Edge returns the edge from → to with its data (an Edge) in
// Properties.Data.
func (s *Store) Edge(from, to string) (dg.Edge[string], error) {
	i, j, err := s.pair(from, to)
	if err != nil {
		return dg.Edge[string]{}, err
	}
	r, _, found := s.find(i, j)
	if !found {
		return dg.Edge[string]{}, dg.ErrEdgeNotFound
	}
	return s.modelEdge(i, r), nil
}

func (s *Store) modelEdge(i int32, r edgeRec) dg.Edge[string] {
	d := s.edge(i, r)
	return dg.Edge[string]{Source: d.From, Target: d.To, Properties: dg.EdgeProperties{Weight: d.Weight, Data: d}}
}

// ListEdges returns every edge, ordered by source id, then target id.
func (s *Store) ListEdges() ([]dg.Edge[string], error) {
	s.settle()
	list := make([]dg.Edge[string], 0, s.edges)
	for _, i := range s.sorted() {
		for _, k := range s.outSorted(i) {
			list = append(list, s.modelEdge(i, s.rec(k)))
		}
	}
	return list, nil
}

func (s *Store) edge(from int32, r edgeRec) Edge {
	e := Edge{From: s.ids[from], To: s.ids[r.to], Weight: int(r.weight)}
	s.unpack(r.extra, &e)
	return e
}

// pack appends the edge's lists to the arena and returns their offset, or
// 0 when it has none.
func (s *Store) pack(e *Edge) (uint32, error) {
	if len(e.Pins)+len(e.Signals)+len(e.Opinions)+len(e.Parentheticals)+len(e.Pages) == 0 {
		return 0, nil
	}
	var buf []byte
	for _, list := range [...][]Count{e.Pins, e.Signals, e.Opinions} {
		buf = binary.AppendUvarint(buf, uint64(len(list)))
		for _, c := range list {
			if c.N < 0 {
				return 0, fmt.Errorf("negative count %d for %q", c.N, c.Value)
			}
			buf = binary.AppendUvarint(buf, uint64(s.intern(c.Value)))
			buf = binary.AppendUvarint(buf, uint64(c.N))
		}
	}
	for _, list := range [...][]string{e.Parentheticals, e.Pages} {
		buf = binary.AppendUvarint(buf, uint64(len(list)))
		for _, v := range list {
			buf = binary.AppendUvarint(buf, uint64(s.intern(v)))
		}
	}
	last := len(s.arena) - 1
	if len(s.arena[last])+len(buf) > arenaChunk {
		if len(s.arena) == maxArenaChunks {
			return 0, errors.New("edge attribute storage full (4 GiB)")
		}
		s.arena = append(s.arena, make([]byte, 0, max(arenaChunk, len(buf))))
		last++
	}
	off := uint32(last)<<arenaChunkBits | uint32(len(s.arena[last]))
	s.arena[last] = append(s.arena[last], buf...)
	return off, nil
}

func (s *Store) unpack(off uint32, e *Edge) {
	if off == 0 {
		return
	}
	b := s.arena[off>>arenaChunkBits][off&(arenaChunk-1):]
	next := func() int {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return int(v)
	}
	counts := func() []Count {
		n := next()
		if n == 0 {
			return nil
		}
		list := make([]Count, n)
		for k := range list {
			list[k].Value = s.strs[next()]
			list[k].N = next()
		}
		return list
	}
	strs := func() []string {
		n := next()
		if n == 0 {
			return nil
		}
		list := make([]string, n)
		for k := range list {
			list[k] = s.strs[next()]
		}
		return list
	}
	e.Pins, e.Signals, e.Opinions = counts(), counts(), counts()
	e.Parentheticals, e.Pages = strs(), strs()
}

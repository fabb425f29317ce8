package graph

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// idShards is the number of independently locked parts of an idTable.
// It is fixed, like everything that decides where an id lands, so that
// nothing depends on the number of cores.
const (
	idShardBits = 6
	idShards    = 1 << idShardBits
)

// idTable interns node ids on several cores at once: each id goes to the
// shard its hash names, and gets a number within it. Numbers are
// provisional; sortedIDs gives the final, id-ordered indices.
//
// A shard is an open-addressing table whose slots hold short ids (most
// citations and numbers) in place, so that looking one up costs one
// cache miss rather than the three of a map of strings; this lookup is
// most of the time of reading a large edge list.
type idTable struct {
	seed   maphash.Seed
	shards [idShards]idShard
}

type idShard struct {
	sync.Mutex
	slots []idSlot // a power of two; empty slots have hash 0
	ids   []string // by number within the shard
}

// idSlot is one entry: 32 bytes, half a cache line.
type idSlot struct {
	hash uint32 // never 0 in a used slot
	num  uint32
	n    uint8 // the length of an id kept in key; 0xff when it is longer
	key  [23]byte
}

func newIDTable() *idTable {
	t := &idTable{seed: maphash.MakeSeed()}
	for i := range t.shards {
		t.shards[i].slots = make([]idSlot, 64)
	}
	return t
}

// id returns the provisional number of id: its shard in the low bits, its
// place in the shard above them.
func (t *idTable) id(id []byte) (uint32, error) {
	h := maphash.Bytes(t.seed, id)
	sh := uint32(h & (idShards - 1))
	hash := uint32(h>>32) | 1
	s := &t.shards[sh]
	s.Lock()
	defer s.Unlock()
	mask := uint32(len(s.slots) - 1)
	for at := hash & mask; ; at = (at + 1) & mask {
		sl := &s.slots[at]
		if sl.hash == 0 {
			break
		}
		if sl.hash != hash {
			continue
		}
		if sl.n != 0xff {
			if int(sl.n) == len(id) && string(sl.key[:sl.n]) == string(id) {
				return sl.num<<idShardBits | sh, nil
			}
		} else if s.ids[sl.num] == string(id) {
			return sl.num<<idShardBits | sh, nil
		}
	}
	k := uint32(len(s.ids))
	if k >= 1<<(32-idShardBits)-1 {
		return 0, errors.New("too many nodes")
	}
	s.ids = append(s.ids, string(id))
	if 4*len(s.ids) > 3*len(s.slots) {
		s.grow()
	}
	sl := idSlot{hash: hash, num: k, n: 0xff}
	if len(id) <= len(sl.key) {
		sl.n = uint8(copy(sl.key[:], id))
	}
	s.put(sl)
	return k<<idShardBits | sh, nil
}

// put places a slot by linear probing.
func (s *idShard) put(sl idSlot) {
	mask := uint32(len(s.slots) - 1)
	at := sl.hash & mask
	for s.slots[at].hash != 0 {
		at = (at + 1) & mask
	}
	s.slots[at] = sl
}

func (s *idShard) grow() {
	old := s.slots
	s.slots = make([]idSlot, 2*len(old))
	for _, sl := range old {
		if sl.hash != 0 {
			s.put(sl)
		}
	}
}

// sortedIDs returns every id in ascending order and, by shard, the final
// index of each provisional number, freeing the table.
func (t *idTable) sortedIDs() (ids []string, index [idShards][]int32) {
	n := 0
	for i := range t.shards {
		n += len(t.shards[i].ids)
	}
	type entry struct {
		id  string
		num uint32
	}
	all := make([]entry, 0, n)
	for sh := range t.shards {
		s := &t.shards[sh]
		for k, id := range s.ids {
			all = append(all, entry{id, uint32(k)<<idShardBits | uint32(sh)})
		}
		index[sh] = make([]int32, len(s.ids))
		s.slots, s.ids = nil, nil
	}
	parallelSort(all, func(a, b entry) int { return strings.Compare(a.id, b.id) })
	ids = make([]string, n)
	for i, e := range all {
		ids[i] = e.id
		index[e.num&(idShards-1)][e.num>>idShardBits] = int32(i)
	}
	return ids, index
}

// listBlock is the part of a white-space separated edge list one worker
// reads: whole lines, starting at line number line.
type listBlock struct {
	seq, line int
	lines     int // the number of lines in data
	data      []byte
	headed    bool // the first record was looked at as a header
	// What the worker makes of it: the edges, by provisional numbers.
	from, to []uint32
	w        []int32
	err      error
}

// listBlockSize is how much of the file one worker reads at a time.
const listBlockSize = 4 << 20

// readFieldList reads a white-space separated edge list (see
// ReadEdgeList) on every core: one goroutine cuts the input into blocks
// of whole lines, workers parse them and intern their ids, and the edges
// are gathered in block order. Nodes are numbered in id order.
func readFieldList(name string, r io.Reader) (*Graph, error) {
	ids := newIDTable()
	blocks := make(chan *listBlock, 4)
	done := make(chan *listBlock, 4)
	var stop sync.Once
	quit := make(chan struct{})
	halt := func() { stop.Do(func() { close(quit) }) }
	var readErr error
	go func() {
		defer close(blocks)
		readErr = cutBlocks(name, r, blocks, quit)
	}()
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for b := range blocks {
				parseBlock(name, b, ids)
				done <- b
			}
		})
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	// Gather the blocks in order.
	var edges []*listBlock
	pending := map[int]*listBlock{}
	next := 0
	var err error
	for b := range done {
		pending[b.seq] = b
		for p, ok := pending[next]; ok; p, ok = pending[next] {
			delete(pending, next)
			next++
			if err == nil && p.err != nil {
				err = p.err
				halt()
			}
			if err == nil {
				edges = append(edges, p)
			}
		}
	}
	if err == nil {
		err = readErr
	}
	if err != nil {
		return nil, err
	}
	list, index := ids.sortedIDs()
	g := New()
	g.store.addBare(list)
	// Renumber the edges, block by block on every core.
	final := func(v []uint32) []int32 {
		out := make([]int32, len(v))
		for k, x := range v {
			out[k] = index[x&(idShards-1)][x>>idShardBits]
		}
		return out
	}
	renumbered := make([][2][]int32, len(edges))
	var claimed atomic.Int64
	var work sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		work.Go(func() {
			for k := int(claimed.Add(1)) - 1; k < len(edges); k = int(claimed.Add(1)) - 1 {
				e := edges[k]
				renumbered[k] = [2][]int32{final(e.from), final(e.to)}
				e.from, e.to = nil, nil
			}
		})
	}
	work.Wait()
	var b bulk
	for k, e := range edges {
		b.addBlock(renumbered[k][0], renumbered[k][1], e.w)
		e.w = nil
	}
	if err := g.store.setRows(&b, nil); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	g.Recount()
	return g, nil
}

// cutBlocks reads r in blocks of whole lines.
func cutBlocks(name string, r io.Reader, out chan<- *listBlock, quit <-chan struct{}) error {
	var carry []byte
	line := 1
	for seq := 0; ; seq++ {
		buf := make([]byte, len(carry), max(listBlockSize, 2*len(carry)))
		copy(buf, carry)
		n, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		end := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !end {
			return fmt.Errorf("%s: %w", name, err)
		}
		cut := len(buf)
		if !end {
			cut = bytes.LastIndexByte(buf, '\n') + 1
			if cut == 0 {
				// No line end in the whole block: the line is longer
				// than the block; the next round reads a larger one.
				carry = buf
				seq--
				continue
			}
		}
		b := &listBlock{seq: seq, line: line, data: buf[:cut]}
		b.lines = bytes.Count(b.data, []byte{'\n'}) + 1
		line += b.lines - 1
		carry = buf[cut:]
		select {
		case out <- b:
		case <-quit:
			return nil
		}
		if end {
			return nil
		}
	}
}

// parseBlock parses the lines of a block (see ReadEdgeList).
func parseBlock(name string, b *listBlock, ids *idTable) {
	data := b.data
	b.from = make([]uint32, 0, b.lines)
	b.to = make([]uint32, 0, b.lines)
	b.w = make([]int32, 0, b.lines)
	var f [3][]byte
	// Edge lists often come grouped by citing case: the last source read
	// spares a lookup.
	var lastFrom []byte
	var lastNum uint32
	for line := b.line; len(data) > 0; line++ {
		l := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		n := 0
		for t := range bytes.FieldsSeq(l) {
			if n < len(f) {
				f[n] = t
			}
			n++
		}
		if n == 0 || f[0][0] == '#' {
			continue
		}
		if b.seq == 0 && !b.headed {
			b.headed = true
			if n >= 2 && isHeader(strs(f[:min(n, 3)])) {
				continue
			}
		}
		if n < 2 {
			b.err = lineError(name, line, "want source and target, found %d field(s)", n)
			return
		}
		w := 1
		if n > 2 {
			var err error
			if w, err = weightBytes(f[2]); err != nil {
				b.err = lineError(name, line, "%v", err)
				return
			}
		}
		from, err := lastNum, error(nil)
		if lastFrom == nil || !bytes.Equal(f[0], lastFrom) {
			from, err = ids.id(f[0])
			lastFrom, lastNum = f[0], from
		}
		if err == nil {
			var to uint32
			to, err = ids.id(f[1])
			b.to = append(b.to, to)
		}
		if err != nil {
			b.err = lineError(name, line, "%v", err)
			return
		}
		b.from = append(b.from, from)
		b.w = append(b.w, int32(w))
	}
	b.data = nil
}

func strs(f [][]byte) []string {
	out := make([]string, len(f))
	for k, b := range f {
		out[k] = string(b)
	}
	return out
}

// addBare adds nodes that are only ids, in ascending id order, to an
// empty store.
func (s *Store) addBare(ids []string) {
	n := len(ids)
	s.index = nil
	s.indexed.Store(false)
	s.ids = ids
	s.live = n
	s.kinds = make([]NodeKind, n)
	s.inCorpus = make([]bool, n)
	s.names = make([]string, n)
	s.courts = make([]uint32, n)
	s.years = make([]int32, n)
	s.citeRun = make([][2]uint32, n)
	s.counts = make([][3]int32, n)
	s.outStart = make([]int, n+1)
	s.inStart = make([]int, n+1)
	s.ordered = true
	s.byID = nil
}

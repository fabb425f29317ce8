package graph

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// bulkEdge is one edge collected for a bulk build.
type bulkEdge struct {
	from, to int32
	w        int32
	extra    uint32
}

// bulkChunk is the number of edges in one block of a bulk list: blocks are
// never copied as the list grows, and each is freed once sorted into rows.
const bulkChunk = 1 << 20

// bulk collects edges in arrival order, as blocks of columns.
type bulk struct {
	from, to, w [][]int32
	extra       [][]uint32 // a nil block has no attributes
	n           int
}

func (b *bulk) add(e bulkEdge) {
	last := len(b.from) - 1
	if last < 0 || len(b.from[last]) == bulkChunk {
		b.from = append(b.from, make([]int32, 0, bulkChunk))
		b.to = append(b.to, make([]int32, 0, bulkChunk))
		b.w = append(b.w, make([]int32, 0, bulkChunk))
		b.extra = append(b.extra, nil)
		last++
	}
	if e.extra != 0 && b.extra[last] == nil {
		b.extra[last] = make([]uint32, len(b.from[last]), bulkChunk)
	}
	b.from[last] = append(b.from[last], e.from)
	b.to[last] = append(b.to[last], e.to)
	b.w[last] = append(b.w[last], e.w)
	if b.extra[last] != nil {
		b.extra[last] = append(b.extra[last], e.extra)
	}
	b.n++
}

// addBlock adds a block of edges without attributes; b keeps the slices.
func (b *bulk) addBlock(from, to, w []int32) {
	b.from = append(b.from, from)
	b.to = append(b.to, to)
	b.w = append(b.w, w)
	b.extra = append(b.extra, nil)
	b.n += len(from)
}

// mergeFunc combines the records of one pair, given in arrival order, into
// one; nil adds their weights (and keeps the first's attributes).
type mergeFunc func(from int32, recs []edgeRec) (edgeRec, error)

// setRows replaces every edge of s with the edges of b, sorting them into
// rows on every core. Several edges of one pair become one: merge decides
// how, weights adding up when it is nil. b is emptied as it goes, so that
// its blocks are freed while the rows grow.
func (s *Store) setRows(b *bulk, merge mergeFunc) error {
	n := len(s.ids)
	// Count, then place every edge in its source's row, in arrival order:
	// each core takes a run of blocks, and its edges of a row go after
	// those of the runs before it.
	extras := false
	for c := range b.from {
		extras = extras || b.extra[c] != nil
	}
	runs := splitRuns(b)
	counts := make([][]int32, len(runs))
	var wg sync.WaitGroup
	for r, run := range runs {
		wg.Go(func() {
			cnt := make([]int32, n)
			for _, from := range b.from[run[0]:run[1]] {
				for _, f := range from {
					cnt[f]++
				}
			}
			counts[r] = cnt
		})
	}
	wg.Wait()
	start := make([]int, n+1)
	for i := range n {
		t := start[i]
		for _, cnt := range counts {
			// From here on cnt[i] is where the run's edges of row i go.
			c := int(cnt[i])
			cnt[i] = int32(t - start[i])
			t += c
		}
		start[i+1] = t
	}
	m := b.n
	to := make([]int32, m)
	w := make([]int32, m)
	var extra []uint32
	if extras {
		extra = make([]uint32, m)
	}
	for r, run := range runs {
		wg.Go(func() {
			next := counts[r]
			for c := run[0]; c < run[1]; c++ {
				bt, bw, bx := b.to[c], b.w[c], b.extra[c]
				for e, f := range b.from[c] {
					k := start[f] + int(next[f])
					next[f]++
					to[k], w[k] = bt[e], bw[e]
					if bx != nil {
						extra[k] = bx[e]
					}
				}
				b.from[c], b.to[c], b.w[c], b.extra[c] = nil, nil, nil, nil
			}
		})
	}
	wg.Wait()
	*b = bulk{}
	counts = nil
	// Sort each row by target, keeping arrival order among records of one
	// pair, and merge those.
	newLen := make([]int32, n)
	type dup struct {
		from int32
		at   int // position of the merged record
		recs []edgeRec
	}
	dups := make([][]dup, parallelChunks(n))
	parallelFor(n, func(c, lo, hi int) {
		var scratch []edgeRec
		for i := lo; i < hi; i++ {
			a, z := start[i], start[i+1]
			sortRow(to[a:z], w[a:z], extraOf(extra, a, z))
			out := a
			for k := a; k < z; {
				e := k + 1
				for e < z && to[e] == to[k] {
					e++
				}
				to[out], w[out] = to[k], w[k]
				if extra != nil {
					extra[out] = extra[k]
				}
				if e-k > 1 {
					scratch = scratch[:0]
					for r := k; r < e; r++ {
						rec := edgeRec{to: to[r], weight: w[r]}
						if extra != nil {
							rec.extra = extra[r]
						}
						scratch = append(scratch, rec)
					}
					dups[c] = append(dups[c], dup{from: int32(i), at: out, recs: slices.Clone(scratch)})
				}
				out++
				k = e
			}
			newLen[i] = int32(out - a)
		}
	})
	// Merging may pack attributes into the arena, which is not safe on
	// several cores; few pairs need it.
	for _, list := range dups {
		for _, d := range list {
			r, err := mergeRecs(d.from, d.recs, merge)
			if err != nil {
				return err
			}
			w[d.at] = r.weight
			if extra != nil {
				extra[d.at] = r.extra
			}
		}
	}
	dups = nil
	// Close the gaps the merges left.
	out := 0
	for i := range n {
		a, l := start[i], int(newLen[i])
		if out != a {
			copy(to[out:out+l], to[a:a+l])
			copy(w[out:out+l], w[a:a+l])
			if extra != nil {
				copy(extra[out:out+l], extra[a:a+l])
			}
		}
		start[i] = out
		out += l
	}
	start[n] = out
	if out < m {
		to, w = slices.Clip(to[:out]), slices.Clip(w[:out])
		if extra != nil {
			extra = slices.Clip(extra[:out])
		}
	}
	s.outStart, s.outTo, s.outW, s.outExtra = start, to, w, extra
	s.edges = out
	s.mirror()
	return nil
}

// splitRuns divides the blocks of b into one run of consecutive blocks
// per core, of about as many edges each.
func splitRuns(b *bulk) [][2]int {
	parts := max(1, min(runtime.GOMAXPROCS(0), len(b.from)))
	var runs [][2]int
	at, done := 0, 0
	for p := range parts {
		end := at
		target := (p + 1) * b.n / parts
		for end < len(b.from) && (done < target || end == at) {
			done += len(b.from[end])
			end++
		}
		if p == parts-1 {
			end = len(b.from)
		}
		runs = append(runs, [2]int{at, end})
		at = end
	}
	return runs
}

func mergeRecs(from int32, recs []edgeRec, merge mergeFunc) (edgeRec, error) {
	if merge != nil {
		return merge(from, recs)
	}
	r := recs[0]
	sum := int64(0)
	for _, x := range recs {
		sum += int64(x.weight)
	}
	if sum > 1<<31-1 {
		return r, fmt.Errorf("edge weight %d out of range", sum)
	}
	r.weight = int32(sum)
	return r, nil
}

func extraOf(extra []uint32, a, z int) []uint32 {
	if extra == nil {
		return nil
	}
	return extra[a:z]
}

// sortRow sorts one row by target, stably: records of one pair keep their
// arrival order.
func sortRow(to, w []int32, extra []uint32) {
	sorted := true
	for k := 1; k < len(to) && sorted; k++ {
		sorted = to[k-1] <= to[k]
	}
	if sorted {
		return
	}
	if len(to) <= 24 {
		for k := 1; k < len(to); k++ {
			for j := k; j > 0 && to[j-1] > to[j]; j-- {
				to[j-1], to[j] = to[j], to[j-1]
				w[j-1], w[j] = w[j], w[j-1]
				if extra != nil {
					extra[j-1], extra[j] = extra[j], extra[j-1]
				}
			}
		}
		return
	}
	perm := make([]int32, len(to))
	for k := range perm {
		perm[k] = int32(k)
	}
	slices.SortStableFunc(perm, func(x, y int32) int { return int(to[x]) - int(to[y]) })
	permute(to, perm)
	permute(w, perm)
	if extra != nil {
		permute(extra, perm)
	}
}

func permute[T any](v []T, perm []int32) {
	cp := slices.Clone(v)
	for k, p := range perm {
		v[k] = cp[p]
	}
}

// mirror builds the in-rows from the out-rows: each core takes a run of
// sources, in index order, so that every in-row comes sorted by source.
func (s *Store) mirror() {
	n := len(s.outStart) - 1
	parts := max(1, runtime.GOMAXPROCS(0))
	runs := make([][2]int, parts)
	at := 0
	for p := range parts {
		end := sort.Search(n, func(i int) bool { return s.outStart[i] >= (p+1)*len(s.outTo)/parts })
		if p == parts-1 {
			end = n
		}
		runs[p] = [2]int{at, max(at, end)}
		at = max(at, end)
	}
	counts := make([][]int32, parts)
	var wg sync.WaitGroup
	for r, run := range runs {
		wg.Go(func() {
			cnt := make([]int32, n)
			for _, t := range s.outTo[s.outStart[run[0]]:s.outStart[run[1]]] {
				cnt[t]++
			}
			counts[r] = cnt
		})
	}
	wg.Wait()
	start := make([]int, n+1)
	for j := range n {
		t := start[j]
		for _, cnt := range counts {
			c := int(cnt[j])
			cnt[j] = int32(t - start[j])
			t += c
		}
		start[j+1] = t
	}
	from := make([]int32, len(s.outTo))
	w := make([]int32, len(s.outTo))
	for r, run := range runs {
		wg.Go(func() {
			next := counts[r]
			for i := run[0]; i < run[1]; i++ {
				for k := s.outStart[i]; k < s.outStart[i+1]; k++ {
					t := s.outTo[k]
					p := start[t] + int(next[t])
					next[t]++
					from[p], w[p] = int32(i), s.outW[k]
				}
			}
		})
	}
	wg.Wait()
	s.inStart, s.inFrom, s.inW = start, from, w
}

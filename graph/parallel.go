package graph

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// chunkNodes is how many nodes make one unit of parallel work. Chunks are
// fixed by the number of nodes, not by the number of cores, and each
// chunk's partial sums are added in chunk order, so results are the same
// bits on any number of cores.
const chunkNodes = 1 << 12

func parallelChunks(n int) int { return (n + chunkNodes - 1) / chunkNodes }

// pool runs a function over the chunks of [0, n) on every core. Its
// goroutines live as long as the pool, so that an iterative ranking makes
// no allocation per iteration.
type pool struct {
	n, chunks int
	fn        func(c, lo, hi int)
	next      atomic.Int64
	wake      []chan struct{}
	wg        sync.WaitGroup
}

func newPool(n int) *pool {
	p := &pool{n: n, chunks: parallelChunks(n)}
	for range min(runtime.GOMAXPROCS(0), p.chunks) - 1 {
		ch := make(chan struct{})
		p.wake = append(p.wake, ch)
		go func() {
			for range ch {
				p.work()
				p.wg.Done()
			}
		}()
	}
	return p
}

// run calls fn(c, lo, hi) once for each chunk c = [lo, hi), in parallel,
// and returns when all are done.
func (p *pool) run(fn func(c, lo, hi int)) {
	p.fn = fn
	p.next.Store(0)
	p.wg.Add(len(p.wake))
	for _, ch := range p.wake {
		ch <- struct{}{}
	}
	p.work()
	p.wg.Wait()
}

func (p *pool) work() {
	for {
		c := int(p.next.Add(1)) - 1
		if c >= p.chunks {
			return
		}
		lo := c * chunkNodes
		p.fn(c, lo, min(lo+chunkNodes, p.n))
	}
}

func (p *pool) close() {
	for _, ch := range p.wake {
		close(ch)
	}
}

// parallelFor runs fn over the chunks of [0, n) on every core.
func parallelFor(n int, fn func(c, lo, hi int)) {
	p := newPool(n)
	defer p.close()
	p.run(fn)
}

// sum adds per-chunk partial sums in chunk order.
func sum(parts []float64) float64 {
	var t float64
	for _, v := range parts {
		t += v
	}
	return t
}

// parallelSort sorts v by cmp, splitting it over the cores and merging.
// The order of equal elements is not kept.
func parallelSort[T any](v []T, cmp func(a, b T) int) {
	parts := runtime.GOMAXPROCS(0)
	if parts < 2 || len(v) < 1<<16 {
		slices.SortFunc(v, cmp)
		return
	}
	bounds := make([]int, parts+1)
	for p := range bounds {
		bounds[p] = p * len(v) / parts
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { slices.SortFunc(v[bounds[p]:bounds[p+1]], cmp) })
	}
	wg.Wait()
	buf := make([]T, len(v))
	// Merge neighbouring runs pairwise until one is left.
	for len(bounds) > 2 {
		var next []int
		for p := 0; p+1 < len(bounds); p += 2 {
			a, m := bounds[p], bounds[p+1]
			z := m
			if p+2 < len(bounds) {
				z = bounds[p+2]
			}
			merge(buf[a:z], v[a:m], v[m:z], cmp)
			copy(v[a:z], buf[a:z])
			next = append(next, a)
		}
		bounds = append(next, len(v))
	}
}

func merge[T any](dst, a, b []T, cmp func(x, y T) int) {
	i, j := 0, 0
	for k := range dst {
		if j >= len(b) || i < len(a) && cmp(a[i], b[j]) <= 0 {
			dst[k] = a[i]
			i++
		} else {
			dst[k] = b[j]
			j++
		}
	}
}

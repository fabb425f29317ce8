package graph

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// WriteSyntheticEdgeList writes a random citation network for benchmarks:
// lines lines of "source target weight", space-separated (the edge-list
// format of ReadEdgeList, and igraph's NCOL), between cases numbered 0 to
// cases-1. Sources are uniform; targets follow a power law, as citations
// do (the case of rank r is cited in proportion to r^(-2/3), so that at 3
// million cases the most cited has some 200,000 citing lines); weights are
// 1, or up to 4 for one line in five. The same arguments give the same
// bytes. A pair drawn twice is two lines, which readers merge into one
// edge of their summed weight, so a graph has somewhat fewer edges than
// lines.
func WriteSyntheticEdgeList(w io.Writer, cases, lines int, seed uint64) error {
	if cases < 2 || lines < 0 {
		return fmt.Errorf("synthetic graph of %d cases and %d lines: want 2 cases or more", cases, lines)
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	// scramble spreads the most cited ranks over the ids: k ↦ (a·k + c)
	// mod n is one-to-one for a prime a that does not divide n.
	a := uint64(2_147_483_647)
	for uint64(cases)%a == 0 {
		a = 1_000_000_007
	}
	c := r.Uint64N(uint64(cases))
	bw := bufio.NewWriterSize(w, 1<<20)
	var buf []byte
	for range lines {
		from := r.IntN(cases)
		u := r.Float64()
		rank := uint64(float64(cases) * u * u * u)
		to := int((a*rank + c) % uint64(cases))
		if to == from {
			to = (to + 1) % cases
		}
		weight := 1
		if r.IntN(5) == 0 {
			weight += r.IntN(4)
		}
		buf = strconv.AppendInt(buf[:0], int64(from), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(to), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(weight), 10)
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

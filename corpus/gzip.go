package corpus

import (
	"compress/gzip"
	"fmt"
	"io"
)

// bombGuard decompresses gzip while watching the expansion ratio: past
// the first MiB, output may not exceed ratio times the compressed input
// read so far. Real opinions compress 3–10×; a decompression bomb
// expands 1000×, and is stopped long before it fills memory.
type bombGuard struct {
	gz    *gzip.Reader
	in    *countingReader
	out   int64
	ratio int64
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

type bombError struct{ in, out, ratio int64 }

func (e *bombError) Error() string {
	return fmt.Sprintf("gzip expands more than %d× (%d bytes from %d): refusing a likely decompression bomb", e.ratio, e.out, e.in)
}

// bombSlack is the output allowed before the ratio applies, so that tiny
// files with a large gzip header overhead are not refused.
const bombSlack = 1 << 20

func newBombGuard(r io.Reader, ratio int64) (*bombGuard, error) {
	in := &countingReader{r: r}
	gz, err := gzip.NewReader(in)
	if err != nil {
		return nil, err
	}
	return &bombGuard{gz: gz, in: in, ratio: ratio}, nil
}

func (g *bombGuard) Read(p []byte) (int, error) {
	n, err := g.gz.Read(p)
	g.out += int64(n)
	if g.out > bombSlack && g.out > g.ratio*g.in.n {
		return n, &bombError{in: g.in.n, out: g.out, ratio: g.ratio}
	}
	return n, err
}

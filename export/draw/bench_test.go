package draw

import (
	"io"
	"testing"

	"github.com/citegraph/citegraph/export/internal/exporttest"
)

// BenchmarkRender measures pictures: the sample (timeline) and a
// 2,000-case graph (force-directed), as SVG and PNG.
func BenchmarkRender(b *testing.B) {
	graphs := map[string]Source{"sample": exporttest.RealSample(b), "synthetic-2000": exporttest.Synthetic(2000, 4500)}
	for name, g := range graphs {
		for format, write := range map[string]func(io.Writer, Source, Options) error{"svg": WriteSVG, "png": WritePNG} {
			b.Run(name+"/"+format, func(b *testing.B) {
				for b.Loop() {
					if err := write(io.Discard, g, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

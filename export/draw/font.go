package draw

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Pictures are set in the Go fonts, which ship with golang.org/x/image:
// the PNG needs no system font, and text is measured for the layout with
// the same metrics the PNG is drawn with. The SVG names them first and
// falls back to common sans-serif faces of similar width.
const svgFontFamily = "'Go', 'Helvetica Neue', Helvetica, Arial, sans-serif"

var parsedFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	var fs [2]*opentype.Font
	var err error
	if fs[0], err = opentype.Parse(goregular.TTF); err != nil {
		return fs, err
	}
	fs[1], err = opentype.Parse(gobold.TTF)
	return fs, err
})

// fontCache hands out faces by size and weight. A face is not safe for
// concurrent use, so each drawing gets its own cache.
type fontCache map[fontKey]font.Face

type fontKey struct {
	size float64
	bold bool
}

func (c fontCache) face(size float64, bold bool) font.Face {
	k := fontKey{size, bold}
	if f, ok := c[k]; ok {
		return f
	}
	fs, err := parsedFonts()
	if err != nil {
		// The fonts are compiled into the binary; failing to parse them
		// is a build defect, not an input problem.
		panic("export: embedded Go font: " + err.Error())
	}
	i := 0
	if bold {
		i = 1
	}
	f, err := opentype.NewFace(fs[i], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("export: embedded Go font: " + err.Error())
	}
	c[k] = f
	return f
}

// width is the advance of s in pixels at the given size.
func (c fontCache) width(s string, size float64, bold bool) float64 {
	return float64(font.MeasureString(c.face(size, bold), s)) / 64
}

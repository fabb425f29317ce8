package viewer

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/export/internal/exporttest"
	"github.com/citegraph/citegraph/graph"
)

// artifacts is where the browser tests leave their screenshots (ignored by
// git): testdata/out beside this file.
const artifacts = "testdata/out"

// run runs one browser action and returns its value, failing the test on
// an error.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do runs browser steps in order, failing the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	run(t, ctx, what, chromedp.Steps(steps...))
}

// css selects the first element matching a CSS selector.
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// browser starts headless Chromium (Debian's chromium) for one test, whose
// steps must end within timeout, or skips the test when none is installed.
// The flags keep a machine without internet quiet (no background
// networking, updates or sync), spare a small /dev/shm, and give WebGL a
// software renderer.
func browser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("no Chromium found (Debian package chromium): skipping the browser test")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// The first run starts the browser, which lives as long as ctx; the
	// test's steps run under a timeout of their own.
	do(t, ctx, "start "+path)
	tctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancelTimeout)
	return tctx
}

// writePage writes g's viewer page to a temporary file and returns its
// file:// URL.
func writePage(t *testing.T, g draw.Source, opts draw.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, g, opts); err != nil {
		t.Fatal(err)
	}
	p := exporttest.WriteTemp(t, "graph.html", b.Bytes())
	return "file://" + p
}

// open loads the page and waits for sigma's first draw, returning the
// milliseconds from navigation to it as the page measured them.
func open(t *testing.T, ctx context.Context, url string) float64 {
	t.Helper()
	do(t, ctx, "open "+url, chromedp.EmulateViewport(1400, 900), chromedp.Navigate(url))
	return run(t, ctx, "first draw", chromedp.Poll[float64](`window.citegraph && window.citegraph.firstDraw`, chromedp.WithPollingTimeout(3*time.Minute)))
}

func screenshot(t *testing.T, ctx context.Context, name string) image.Image {
	t.Helper()
	buf := run(t, ctx, "screenshot", chromedp.CaptureScreenshot())
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(artifacts, name)
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// point is a position in the page, in CSS pixels.
type point struct{ X, Y float64 }

// nodeAt is where the page draws a case, by its id.
func nodeAt(t *testing.T, ctx context.Context, id string) point {
	t.Helper()
	return run(t, ctx, "where is "+id, chromedp.Evaluate[point](`window.citegraph.viewportOf(`+jsString(id)+`)`))
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// colourNear reports whether the screenshot has a pixel of colour c within
// a few pixels of p: sigma did draw there, on WebGL.
func colourNear(img image.Image, p point, c draw.RGB) bool {
	for dx := -3; dx <= 3; dx++ {
		for dy := -3; dy <= 3; dy++ {
			r, g, b, _ := img.At(int(p.X)+dx, int(p.Y)+dy).RGBA()
			d := absDiff(r>>8, uint32(c.R)) + absDiff(g>>8, uint32(c.G)) + absDiff(b>>8, uint32(c.B))
			if d < 40 {
				return true
			}
		}
	}
	return false
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

const (
	imbler    = "424 U.S. 409"
	vanDeKamp = "555 U.S. 335"
)

var scotusBlue = draw.RGB{R: 0x00, G: 0x72, B: 0xb2}

// TestBrowserSample drives the sample's map as a reader would: it finds
// Imbler by name, opens it from the results, reads from the case panel
// that Van de Kamp cites it 31 times at 430, 431 n.33 and 425–426, opens
// it again by clicking its circle on the map, then moves the year slider
// past 1976 and sees Imbler go while Van de Kamp stays.
func TestBrowserSample(t *testing.T) {
	ctx := browser(t, time.Minute)
	g := exporttest.RealSample(t)
	open(t, ctx, writePage(t, g, draw.Options{}))

	// Search, and open the case from the results.
	do(t, ctx, "search Imbler",
		chromedp.SendKeys(css("#search"), "Imbler"),
		chromedp.WaitVisible(css(`#results li[data-case="`+imbler+`"]`)),
		chromedp.Click(css(`#results li[data-case="`+imbler+`"]`)),
		chromedp.WaitVisible(css(`#panel[data-case="`+imbler+`"]`)),
	)
	if h := run(t, ctx, "heading", chromedp.Text(css("#panel h2"))); h != "Imbler v. Pachtman" {
		t.Errorf("panel heading %q", h)
	}
	vdk := `#panel li.edge[data-case="` + vanDeKamp + `"]`
	if w := run(t, ctx, "weight", chromedp.AttributeValue(css(vdk), "data-weight")); w.Value != "31" {
		t.Errorf("Van de Kamp → Imbler weight %q in the panel, want 31", w.Value)
	}
	pins := run(t, ctx, "pins", chromedp.Evaluate[[]string](`[...document.querySelectorAll('`+vdk+` .pin-v')].map(e => e.textContent)`))
	for _, want := range []string{"430", "431 n.33", "425–426"} {
		if !slices.Contains(pins, want) {
			t.Errorf("pin %q not in the panel's pins %q", want, pins)
		}
	}
	text := run(t, ctx, "panel text", chromedp.Text(css("#panel")))
	for _, want := range []string{"31 citations", imbler, "U.S. Supreme Court", "1976", "PageRank", "Cited by (1)", "Cites (0)"} {
		if !strings.Contains(text, want) {
			t.Errorf("panel lacks %q:\n%s", want, text)
		}
	}
	if link := run(t, ctx, "link", chromedp.AttributeValue(css("#panel a.cite"), "href")); link.Value != "https://www.courtlistener.com/c/U.S./424/409/" {
		t.Errorf("citation look-up link %q", link.Value)
	}
	// The camera glides to the case; the screenshot waits for it.
	do(t, ctx, "settle", chromedp.Sleep(700*time.Millisecond))
	img := screenshot(t, ctx, "sample-imbler.png")
	at := nodeAt(t, ctx, imbler)
	if !colourNear(img, at, scotusBlue) {
		t.Errorf("no Supreme Court blue drawn at Imbler's place %v", at)
	}

	// Escape closes the case; a click on its circle opens it again.
	do(t, ctx, "escape", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent(css(`#panel[data-case]`)))
	at = nodeAt(t, ctx, imbler)
	do(t, ctx, "click Imbler's circle",
		chromedp.MouseClickXY(at.X, at.Y),
		chromedp.WaitVisible(css(`#panel[data-case="`+imbler+`"]`)),
	)

	// The year slider, moved by keyboard past 1976, hides Imbler.
	steps := []chromedp.Action[chromedp.Void]{chromedp.Focus(css("#year-from"))}
	for range 1977 - 1949 {
		steps = append(steps, chromedp.KeyEvent(kb.ArrowRight))
	}
	do(t, ctx, "move the year slider", steps...)
	if from := run(t, ctx, "slider", chromedp.Text(css("#year-from-out"))); from != "1977" {
		t.Errorf("year slider reads %q after 28 steps from 1949, want 1977", from)
	}
	imblerShown := run(t, ctx, "Imbler shown", chromedp.Evaluate[bool](`window.citegraph.isShown("`+imbler+`")`))
	vdkShown := run(t, ctx, "Van de Kamp shown", chromedp.Evaluate[bool](`window.citegraph.isShown("`+vanDeKamp+`")`))
	if imblerShown || !vdkShown {
		t.Errorf("from 1977: Imbler shown %v (want false), Van de Kamp shown %v (want true)", imblerShown, vdkShown)
	}
	if counts := run(t, ctx, "counts", chromedp.Text(css("#counts"))); !strings.Contains(counts, "of 9 cases") {
		t.Errorf("counts read %q", counts)
	}
	img = screenshot(t, ctx, "sample-from-1977.png")
	if colourNear(img, at, scotusBlue) {
		t.Errorf("Imbler still drawn at %v after the filter", at)
	}

	// A neighbourhood's map (render --around) opens on its case.
	open(t, ctx, writePage(t, g, draw.Options{Focus: "373 U.S. 83"}))
	do(t, ctx, "focus", chromedp.WaitVisible(css(`#panel[data-case="373 U.S. 83"]`)))
}

// TestBrowserScotus opens the map of the whole Supreme Court set, times
// its first draw and a second of panning, and checks it is usable: it
// warns that the map is large, and a search by citation opens the case.
func TestBrowserScotus(t *testing.T) {
	g := exporttest.Scotus(t)
	ctx := browser(t, 4*time.Minute)
	url := writePage(t, g, draw.Options{SizeBy: graph.PageRank})
	first := open(t, ctx, url)
	t.Logf("Supreme Court set, %d cases and %d citations: first draw %.0f ms after navigation", g.NodeCount(), g.EdgeCount(), first)
	screenshot(t, ctx, "scotus.png")
	warning := run(t, ctx, "warning", chromedp.Text(css("#warning")))
	if !strings.Contains(warning, "--top") || !strings.Contains(warning, "--around") {
		t.Errorf("no size warning suggesting --top and --around: %q", warning)
	}
	do(t, ctx, "search by citation",
		chromedp.SendKeys(css("#search"), "424 US 409"),
		chromedp.WaitVisible(css(`#results li[data-case="`+imbler+`"]`)),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(css(`#panel[data-case="`+imbler+`"]`)),
		chromedp.Sleep(700*time.Millisecond),
	)
	screenshot(t, ctx, "scotus-imbler.png")
	frames := run(t, ctx, "pan", chromedp.Evaluate[float64](`new Promise(done => {
		const r = window.citegraph.renderer, c = r.getCamera(); let frames = 0;
		r.on("afterRender", () => frames++);
		c.animate({x: c.x + 0.3, y: c.y + 0.2}, {duration: 1000});
		setTimeout(() => done(frames), 1000);
	})`, chromedp.EvalAwaitPromise))
	t.Logf("panning: %.0f frames in one second (software WebGL)", frames)
}

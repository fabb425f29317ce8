package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A broken XML file — cut short or not well-formed, in a format the XML
// readers know (Columbia) or not — is never read for whatever text
// survives: in a folder it is skipped with a warning naming the file and
// the problem, and the rest is read; named on the command line it is an
// error, exit 1, with nothing written.
func TestBrokenXMLIsReported(t *testing.T) {
	columbia := `<?xml version="1.0" encoding="utf-8"?>
<opinion><reporter_caption>SMITH v. JONES, 1 Haw. 1 (1990)</reporter_caption>
<opinion_text>We follow Roe v. Wade, 410 U.S. 113, 120 (1973). Id. at 121.</opinion_text></opinion>
`
	generic := `<?xml version="1.0"?>
<decision><court>Court of Appeals</court><body>See Brady v. Maryland, 373 U.S. 83 (1963).</body></decision>
`
	broken := map[string]string{
		"columbia-cut.xml": columbia[:strings.Index(columbia, "Id. at")],
		"generic-cut.xml":  generic[:strings.Index(generic, "</body>")],
		"generic-bad.xml":  strings.Replace(generic, "<body>", "<body <", 1),
		"declared.xml":     `<?xml version="1.0"?`,
	}
	files := map[string]string{"good.xml": generic, "columbia.xml": columbia, "plain.txt": "See Imbler v. Pachtman, 424 U.S. 409 (1976).\n"}
	for name, text := range broken {
		files[name] = text
	}
	dir := writeFiles(t, files)
	out, stderr, code := runExtract(t, "", dir, "-f", "jsonl")
	if code != 0 || !strings.Contains(stderr, "read 3 documents from 7 files") || !strings.Contains(stderr, "skipped 4: 4 invalid XML") {
		t.Errorf("folder: exit %d:\n%s", code, stderr)
	}
	for name := range broken {
		if !strings.Contains(stderr, "warning: skipped "+filepath.Join(dir, name)) {
			t.Errorf("no warning names %s:\n%s", name, stderr)
		}
		if strings.Contains(out, name) {
			t.Errorf("citations read from the broken %s", name)
		}
	}
	for _, target := range []string{"410 U.S. 113", "373 U.S. 83", "424 U.S. 409"} {
		if !strings.Contains(out, `"target":"`+target+`"`) {
			t.Errorf("the good files' citation of %s is missing", target)
		}
	}
	for name := range broken {
		path := filepath.Join(dir, name)
		result := filepath.Join(t.TempDir(), "cites.jsonl")
		_, stderr, code := runExtract(t, "", filepath.Join(dir, "plain.txt"), path, "-f", "jsonl", "-o", result)
		if code != 1 || !strings.Contains(stderr, path+" (byte ") && !strings.Contains(stderr, path+": ") || !strings.Contains(stderr, "invalid XML") {
			t.Errorf("named %s: exit %d, %q; want exit 1 naming it", name, code, stderr)
		}
		if _, err := os.Stat(result); err == nil {
			t.Errorf("named %s: output written", name)
		}
		if stderr, code := runGraphCmd(t, "build", path, "-o", filepath.Join(t.TempDir(), "g.json"), "-q"); code != 1 || !strings.Contains(stderr, path) {
			t.Errorf("build %s: exit %d, %q", name, code, stderr)
		}
	}
}

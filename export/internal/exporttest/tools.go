package exporttest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// NeedTool is the path of a program, skipping the test with the Debian
// package to install when it is missing.
func NeedTool(t testing.TB, name, debianPackage string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found (Debian package %s): skipping", name, debianPackage)
	}
	return p
}

// WriteTemp writes data to a file of that name in a fresh temporary
// directory and returns its path.
func WriteTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Xmllint runs xmllint --noout with args, failing the test on any
// complaint.
func Xmllint(t testing.TB, args ...string) {
	t.Helper()
	bin := NeedTool(t, "xmllint", "libxml2-utils")
	out, err := exec.Command(bin, append([]string{"--noout"}, args...)...).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// SVGText collects the text and tooltip (title) contents of an SVG
// document, failing the test when it does not parse.
func SVGText(t testing.TB, data []byte) (texts, titles []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return texts, titles
			}
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch v := tok.(type) {
		case xml.StartElement:
			stack = append(stack, v.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1] {
			case "text":
				texts = append(texts, string(v))
			case "title":
				titles = append(titles, string(v))
			}
		}
	}
}

// XMLSafe is what a string becomes in XML: characters XML 1.0 cannot hold
// (and broken UTF-8) turn into U+FFFD; everything else survives.
func XMLSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || r >= 0x10000 {
			return r
		}
		return utf8.RuneError
	}, s)
}

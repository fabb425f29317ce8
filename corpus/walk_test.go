package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Symbolic links are followed to files and folders; every file is listed
// once however many paths lead to it, a loop adds nothing, and a broken
// link is reported.
func TestExpandFollowsSymlinks(t *testing.T) {
	root := t.TempDir()
	store := filepath.Join(root, "store")
	corpus := filepath.Join(root, "corpus")
	for _, d := range []string{filepath.Join(store, "sub"), corpus} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"a.txt", "sub/b.txt", "sub/c.html"} {
		if err := os.WriteFile(filepath.Join(store, f), []byte("Id."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"1-a.txt":     filepath.Join(store, "a.txt"), // a file
		"2-again.txt": filepath.Join(store, "a.txt"), // the same file again
		"3-dir":       filepath.Join(store, "sub"),   // a folder
		"4-loop":      corpus,                        // back up: a loop
		"5-gone.txt":  filepath.Join(store, "missing.txt"),
		"6-notes.md":  filepath.Join(store, "a.txt"), // not a document name
		".hidden.txt": filepath.Join(store, "a.txt"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(corpus, name)); err != nil {
			t.Skipf("cannot make symbolic links: %v", err)
		}
	}
	in, err := Expand([]string{corpus, filepath.Join(store, "sub", "b.txt")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range in {
		s := strings.TrimPrefix(i.Path, corpus+string(filepath.Separator))
		if i.Err != nil {
			s += " (" + string(i.Err.Problem) + ")"
		}
		got = append(got, s)
	}
	want := "1-a.txt 3-dir/b.txt 3-dir/c.html 5-gone.txt (unreadable)"
	if strings.Join(got, " ") != want {
		t.Errorf("inputs %q\nwant %q", strings.Join(got, " "), want)
	}
}

// A folder's compressed documents are read as named ones are, gzip and
// bzip2 alike (recognised by content), the format named by the name
// without its compression suffix.
func TestFolderReadsCompressedDocuments(t *testing.T) {
	dir := t.TempDir()
	text := "See Roe v. Wade, 410 U.S. 113 (1973).\n"
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(text))
	w.Close()
	files := map[string][]byte{"a.txt.gz": gz.Bytes(), "notes.md.bz2": nil, "c.csv.gz": gz.Bytes()}
	cmd := exec.Command("bzip2", "-c")
	cmd.Stdin = strings.NewReader(text)
	bz, err := cmd.Output()
	if err != nil {
		t.Skipf("bzip2(1) is needed to make a .bz2 file: %v", err)
	}
	files["b.txt.bz2"], files["notes.md.bz2"] = bz, bz
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := Expand([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range inputs {
		names = append(names, filepath.Base(in.Path))
		docs, err := ReadFile(in.Path, Options{})
		if err != nil || len(docs) != 1 || docs[0].Text != text {
			t.Errorf("%s: %d documents, %v", in.Path, len(docs), err)
		}
	}
	if strings.Join(names, " ") != "a.txt.gz b.txt.bz2" {
		t.Errorf("the walk took %v", names)
	}
}

package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.dot")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "new content")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new content" {
		t.Errorf("content = %q", got)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode of replaced file = %v, want the old 0600", fi.Mode().Perm())
	}
	assertOnly(t, dir, "g.dot")
}

func TestWriteFileNewFileMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.json")
	if err := WriteFile(path, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", fi.Mode().Perm())
	}
}

func TestWriteFileKeepsOldFileOnError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.graphml")
	os.WriteFile(path, []byte("old"), 0o644)
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		// More than the buffer, so part of it reaches the temporary file.
		w.Write([]byte(strings.Repeat("x", 200<<10)))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old" {
		t.Errorf("old file changed to %d bytes", len(got))
	}
	assertOnly(t, dir, "g.graphml")
}

func TestWriteFileCleansUpOnPanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.gexf")
	func() {
		defer func() { recover() }()
		WriteFile(path, func(w io.Writer) error {
			w.Write([]byte("partial"))
			panic("writer bug")
		})
	}()
	assertOnly(t, dir)
}

func TestWriteFileErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no", "such", "g.dot")
	err := WriteFile(missing, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing directory: err = %v, want it to name %s", err, missing)
	}
	err = WriteFile(dir, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory target: err = %v", err)
	}
	if err := WriteFile("", func(w io.Writer) error { return nil }); err == nil {
		t.Error("empty path accepted")
	}
}

// assertOnly fails unless dir holds exactly the named files.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("directory holds %v, want %v", got, names)
	}
}

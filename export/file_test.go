package export

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
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

// A set of files is replaced together: when the second cannot be written,
// the first keeps its old content too.
func TestWriteFilesReplaceTogether(t *testing.T) {
	dir := t.TempDir()
	nodes, edges := filepath.Join(dir, "nodes.csv"), filepath.Join(dir, "edges.csv")
	os.WriteFile(nodes, []byte("old nodes"), 0o644)
	os.WriteFile(edges, []byte("old edges"), 0o644)
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	boom := errors.New("boom")
	err := WriteFiles(context.Background(), Output{nodes, text("new nodes")},
		Output{edges, func(w io.Writer) error { return boom }})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	for path, want := range map[string]string{nodes: "old nodes", edges: "old edges"} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s = %q, want %q", filepath.Base(path), got, want)
		}
	}
	assertOnly(t, dir, "edges.csv", "nodes.csv")

	// A failing rename (the second target became a directory) puts the
	// first file back.
	os.Remove(edges)
	os.Mkdir(edges, 0o755)
	os.WriteFile(filepath.Join(edges, "x"), nil, 0o644)
	err = WriteFiles(context.Background(), Output{nodes, text("new nodes")}, Output{edges, text("new edges")})
	if err == nil {
		t.Fatal("rename onto a directory succeeded")
	}
	if got, _ := os.ReadFile(nodes); string(got) != "old nodes" {
		t.Errorf("nodes.csv = %q after a failed rename, want the old content", got)
	}
	assertOnly(t, dir, "edges.csv", "nodes.csv")

	os.RemoveAll(edges)
	if err := WriteFiles(context.Background(), Output{nodes, text("new nodes")}, Output{edges, text("new edges")}); err != nil {
		t.Fatal(err)
	}
	if a, _ := os.ReadFile(nodes); string(a) != "new nodes" {
		t.Errorf("nodes.csv = %q", a)
	}
	assertOnly(t, dir, "edges.csv", "nodes.csv")
}

// A cancelled context stops the writing at its next write.
func TestWriteFilesCancelled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.json")
	os.WriteFile(path, []byte("old"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteFiles(ctx, Output{path, func(w io.Writer) error {
		for i := 0; ; i++ {
			if i == 1000 {
				cancel()
			}
			if _, err := w.Write(make([]byte, 1024)); err != nil {
				return err
			}
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	assertOnly(t, dir, "g.json")
}

// The temporary files of killed writes are removed by the next write to
// the same target; a write in progress (its file locked) and files not of
// our pattern are left alone.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "g.graphml")
	for _, name := range []string{".g.graphml.123456.tmp", ".g.graphml.9.tmp", ".g.graphml.notdigits.tmp", ".other.graphml.1.tmp"} {
		os.WriteFile(filepath.Join(dir, name), []byte("partial"), 0o644)
	}
	live, err := createTemp(path)
	if err != nil {
		t.Fatal(err)
	}
	defer live.discard()
	if err := WriteFile(path, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	want := []string{".g.graphml.notdigits.tmp", filepath.Base(live.name), ".other.graphml.1.tmp", "g.graphml"}
	slices.Sort(want)
	assertOnly(t, dir, want...)
}

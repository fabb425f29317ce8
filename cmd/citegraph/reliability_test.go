package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests run the real binary, because what they check (signals, a
// file-size limit on the process) happens to processes, not to calls.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds citegraph once for the tests that need a process.
func binary(t *testing.T) string {
	t.Helper()
	return binaryB(t)
}

// binaryB is binary for tests and benchmarks alike.
func binaryB(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "citegraph-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "citegraph")
		// -buildvcs=true: stamp the commit (--version) wherever the
		// checkout allows, whatever GOFLAGS says.
		out, err := exec.Command("go", "build", "-buildvcs=true", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out))
		}
	})
	if binErr != nil {
		t.Skipf("cannot build the binary: %v", binErr)
	}
	return binPath
}

// assertOnlyFile fails unless dir holds exactly the named file with the
// given content: no temporary file left, nothing half-written.
func assertOnlyFile(t *testing.T, dir, name, content string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != name {
		t.Errorf("directory holds %v, want only %s", names, name)
	}
	if got := string(readFile(t, filepath.Join(dir, name))); got != content {
		t.Errorf("%s holds %q, want the old content %q", name, got, content)
	}
}

// A full disk (simulated with a file-size limit on the process, so that
// writes fail part way as on a full disk) leaves the old output in place.
func TestFullDiskKeepsOldOutput(t *testing.T) {
	bin := binary(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is needed to set the file-size limit")
	}
	for _, args := range [][]string{
		{"extract", "--sample", "-f", "jsonl"},
		{"build", "--sample", "-f", "graphml"},
	} {
		dir := t.TempDir()
		out := filepath.Join(dir, "out")
		if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		// ulimit -f counts KiB: 2 KiB is less than either output.
		cmd := exec.Command("bash", "-c", `ulimit -f 2; exec "$0" "$@"`, bin)
		cmd.Args = append(cmd.Args, append(args, "-q", "-o", out)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("%v: %v, want exit status 1", args, err)
		}
		if !strings.Contains(stderr.String(), "write "+out+":") {
			t.Errorf("%v: error %q does not name the output file", args, stderr.String())
		}
		assertOnlyFile(t, dir, "out", "old")
	}
}

// SIGINT and SIGTERM stop a run promptly, with an error, and leave the
// old output untouched.
func TestInterruptKeepsOldOutput(t *testing.T) {
	bin := binary(t)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.jsonl")
		if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		// Standard input that never ends keeps the run going until the
		// signal comes.
		cmd := exec.Command(bin, "extract", "-", "-q", "-f", "jsonl", "-o", out)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(stdin, "See Imbler v. Pachtman, 424 U.S. 409 (1976).\n"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		sent := time.Now()
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if took := time.Since(sent); took > 2*time.Second {
				t.Errorf("%v: took %v to stop", sig, took)
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("%v: %v, want exit status 1", sig, err)
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: still running 10 s after the signal", sig)
		}
		stdin.Close()
		assertOnlyFile(t, dir, "out.jsonl", "old")
	}
}

// The same opinions give byte-identical output whatever the number of
// workers and whatever order the files were written to their directory in.
func TestOutputIsReproducible(t *testing.T) {
	src := "../../../shared/corpus/immunity"
	files, err := filepath.Glob(filepath.Join(src, "*.html"))
	if err != nil || len(files) == 0 {
		t.Skipf("shared corpus absent (%s)", src)
	}
	// Two copies of the folder, written in opposite orders.
	dirs := [2]string{t.TempDir(), t.TempDir()}
	for i, dir := range dirs {
		for k := range files {
			f := files[k]
			if i == 1 {
				f = files[len(files)-1-k]
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), readFile(t, f), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	out := t.TempDir()
	var outputs []string
	for i, run := range []struct {
		dir  string
		jobs string
	}{{dirs[0], "1"}, {dirs[0], "4"}, {dirs[1], "3"}} {
		for _, name := range []string{"g.graphml", "g.json", "c.jsonl"} {
			path := filepath.Join(out, strings.Replace(name, ".", "-"+string(rune('a'+i))+".", 1))
			cmd := "build"
			if strings.HasSuffix(name, ".jsonl") {
				cmd = "extract"
			}
			args := []string{cmd, run.dir, "-j", run.jobs, "-q", "--manifest", filepath.Join(src, "manifest.csv"), "-o", path}
			if cmd == "extract" {
				args = append(args, "-f", "jsonl")
			}
			mustRun(t, args...)
			outputs = append(outputs, path)
		}
	}
	for i := 3; i < len(outputs); i++ {
		a, b := readFile(t, outputs[i%3]), readFile(t, outputs[i])
		// Documents name their file by path: compare with the folder
		// name taken out.
		a = bytes.ReplaceAll(a, []byte(dirs[0]), []byte("DIR"))
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte(dirs[0]), []byte("DIR")), []byte(dirs[1]), []byte("DIR"))
		if !bytes.Equal(a, b) {
			t.Errorf("%s and %s differ", filepath.Base(outputs[i%3]), filepath.Base(outputs[i]))
		}
	}
}

// unprivileged returns the command that runs bin with args as a user whom
// file permissions bind: as root, through setpriv without the
// capabilities that override them.
func unprivileged(t *testing.T, bin string, args ...string) *exec.Cmd {
	t.Helper()
	if os.Geteuid() != 0 {
		return exec.Command(bin, args...)
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv: permissions cannot be tested")
	}
	return exec.Command(setpriv, append([]string{"--bounding-set", "-dac_override,-dac_read_search", "--", bin}, args...)...)
}

// An unreadable folder or file inside a corpus is skipped with a warning
// naming it, the rest is read; --strict fails for either. A folder of
// symbolic links is read through them.
func TestUnreadableAndLinkedInputs(t *testing.T) {
	bin := binary(t)
	root := t.TempDir()
	dir := filepath.Join(root, "corpus")
	for _, d := range []string{"locked", "open"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"locked/a.txt": "Imbler v. Pachtman, 424 U.S. 409 (1976).\n",
		"open/b.txt":   "Burns v. Reed, 500 U.S. 478 (1991).\n",
		"open/c.txt":   "Giglio v. United States, 405 U.S. 150 (1972).\n",
		"secret.txt":   "Brady v. Maryland, 373 U.S. 83 (1963).\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"locked", "secret.txt"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	links := filepath.Join(root, "links")
	if err := os.Mkdir(links, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct{ name, target string }{{"open", "../corpus/open"}, {"b.txt", "../corpus/open/b.txt"}} {
		if err := os.Symlink(l.target, filepath.Join(links, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) (string, string, int) {
		cmd := unprivileged(t, bin, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
	}
	out, stderr, code := run("extract", dir, "-f", "jsonl")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("exit %d, %d records:\n%s", code, strings.Count(out, "\n"), stderr)
	}
	for _, p := range []string{"locked", "secret.txt"} {
		if !strings.Contains(stderr, "warning: skipped "+filepath.Join(dir, p)+": unreadable: permission denied") {
			t.Errorf("no warning for %s:\n%s", p, stderr)
		}
	}
	if !strings.Contains(stderr, "read 2 documents from 3 files") || !strings.Contains(stderr, "skipped 2: 2 unreadable") {
		t.Errorf("summary:\n%s", stderr)
	}
	if out, stderr, code := run("extract", dir, "-f", "jsonl", "--strict"); code != 1 || out != "" {
		t.Errorf("--strict: exit %d, %q:\n%s", code, out, stderr)
	}
	// Through the links: b.txt once, c.txt.
	out, stderr, code = run("extract", links, "-f", "jsonl")
	if code != 0 || strings.Count(out, "\n") != 2 || strings.Count(out, `b.txt"`) != 1 {
		t.Errorf("folder of links: exit %d, output %s\n%s", code, out, stderr)
	}
}

// syntheticCorpus writes a JSON-lines corpus of n opinions, each citing
// k others at random (fixed seed): a graph on which betweenness takes
// many seconds.
func syntheticCorpus(t *testing.T, n, k int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	cite := func(i int) string { return fmt.Sprintf("%d U.S. %d", 100+i/500, 1+i%500) }
	var b strings.Builder
	for i := range n {
		var text strings.Builder
		for range k {
			j := rng.IntN(n)
			fmt.Fprintf(&text, "See A%d v. B%d, %s (1950). ", j, j, cite(j))
		}
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "case_name": fmt.Sprintf("A%d v. B%d", i, i),
			"citations": cite(i), "date": "1960", "text": text.String()})
		b.Write(rec)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// An interrupt stops every phase within seconds, exits 1 and leaves the
// old output: build while ranking (once the summary of the reading is
// out), and rank itself.
func TestInterruptEveryPhase(t *testing.T) {
	bin := binary(t)
	corpus := syntheticCorpus(t, 2500, 20)
	dir := t.TempDir()
	edges := filepath.Join(dir, "edges.csv")
	var el strings.Builder
	rng := rand.New(rand.NewPCG(3, 4))
	for range 40000 {
		fmt.Fprintf(&el, "n%d,n%d\n", rng.IntN(4000), rng.IntN(4000))
	}
	if err := os.WriteFile(edges, []byte(el.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		ready string // on standard error when the phase has begun; "" to wait a moment
	}{
		{"build, ranking", []string{"build", corpus, "--measures", "betweenness"}, "citegraph: read "},
		{"rank", []string{"rank", edges, "--by", "betweenness"}, ""},
	} {
		out := filepath.Join(dir, "out.graphml")
		if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, append(tc.args, "-o", out)...)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var errText strings.Builder
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		if tc.ready != "" {
			for line := range lines {
				errText.WriteString(line + "\n")
				if strings.HasPrefix(line, tc.ready) {
					break
				}
			}
		} else {
			time.Sleep(time.Second)
		}
		sent := time.Now()
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatalf("%s: the run ended before the signal: %v", tc.name, err)
		}
		for line := range lines {
			errText.WriteString(line + "\n")
		}
		err = cmd.Wait()
		took := time.Since(sent)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(errText.String(), "interrupted") {
			t.Errorf("%s: %v, want exit status 1 saying interrupted:\n%s", tc.name, err, errText.String())
		}
		// The bound is loose for a loaded machine; the fault it guards
		// against ran on for 39 s.
		if took > 5*time.Second {
			t.Errorf("%s: stopped %v after the signal", tc.name, took)
		}
		if got := string(readFile(t, out)); got != "old" {
			t.Errorf("%s: output replaced by %d bytes", tc.name, len(got))
		}
	}
}

// The nodes and edges of a CSV export are replaced together: on a file
// system too small for both new files beside the old ones, the run fails
// and both old files stay (before, nodes.csv was replaced, then the edges
// failed). The file system is a size-limited tmpfs, which needs root.
func TestCSVPairOnFullFileSystem(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	bin := binary(t)
	corpus := syntheticCorpus(t, 300, 5)
	sizes := t.TempDir()
	if out, err := exec.Command(bin, "build", corpus, "-q", "-o", filepath.Join(sizes, "g.csv")).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	pages := func(name string) int64 {
		fi, err := os.Stat(filepath.Join(sizes, name))
		if err != nil {
			t.Fatal(err)
		}
		return (fi.Size() + 4095) / 4096
	}
	np, ne := pages("g.nodes.csv"), pages("g.edges.csv")
	if ne < 2 {
		t.Fatalf("edges.csv is %d page: too small for the test", ne)
	}
	// Room for the old files and the new nodes, not for the new edges
	// too: the writes must fail at the edges.
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", (np+ne)*4096), "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	old := map[string]string{"g.nodes.csv": "old nodes", "g.edges.csv": "old edges"}
	for name, body := range old {
		if err := os.WriteFile(filepath.Join(mnt, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(bin, "build", corpus, "-q", "-o", filepath.Join(mnt, "g.csv")).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(string(out), "no space left on device") {
		t.Errorf("%v, want exit 1 for a full disk: %s", err, out)
	}
	ents, _ := os.ReadDir(mnt)
	if len(ents) != 2 {
		t.Errorf("%d files in the folder, want the 2 old ones", len(ents))
	}
	for name, body := range old {
		if got := string(readFile(t, filepath.Join(mnt, name))); got != body {
			t.Errorf("%s holds %.40q, want the old %q", name, got, body)
		}
	}
}

// The files named on the command line, in any order, give the same bytes
// in every format, with the same report: names, courts and years of the
// cases, and the order of every list on the edges, do not depend on which
// file came first. The set holds every kind of source and cases held
// several times (CourtListener's combined and split records).
func TestBuildIndependentOfArgumentOrder(t *testing.T) {
	var files []string
	for _, glob := range []string{"scotus/10[0-4]*.html", "immunity/*.html", "states/[a-c]*.xml", "cap/*.json"} {
		f, _ := filepath.Glob(filepath.Join("../../../shared/corpus", glob))
		files = append(files, f...)
	}
	if len(files) < 100 {
		t.Skip("shared corpus absent")
	}
	out := t.TempDir()
	// The formats share one graph; three of them carry every field.
	formats := []string{"graphml", "json", "csv"}
	r := rand.New(rand.NewPCG(11, 11))
	var first map[string][]byte
	for round := range 3 {
		args := slices.Clone(files)
		switch round {
		case 1:
			slices.Reverse(args)
		case 2:
			r.Shuffle(len(args), func(i, j int) { args[i], args[j] = args[j], args[i] })
		}
		dir := filepath.Join(out, strconv.Itoa(round))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		got := map[string][]byte{}
		for _, f := range formats {
			path := filepath.Join(dir, "g."+f)
			run := append([]string{"build", "-q", "-o", path}, args...)
			if f == "csv" {
				run = append(run, "--report", filepath.Join(dir, "report.csv"))
			}
			mustRun(t, run...)
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			got[e.Name()] = readFile(t, filepath.Join(dir, e.Name()))
		}
		if first == nil {
			first = got
			if len(got) != len(formats)+2 {
				t.Fatalf("outputs %v", slices.Collect(maps.Keys(got)))
			}
			continue
		}
		for name, b := range first {
			if !bytes.Equal(got[name], b) {
				t.Errorf("round %d: %s differs from the first run's", round, name)
			}
		}
	}
}

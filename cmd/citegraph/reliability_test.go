package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
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

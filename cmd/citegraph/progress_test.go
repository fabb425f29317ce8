package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// On a terminal, a run that lasts more than a moment shows a progress bar
// on standard error; --quiet silences it. The terminal comes from
// script(1), and a named pipe that stays empty for a while makes the run
// last.
func TestProgressBarOnTerminal(t *testing.T) {
	bin := binary(t)
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is needed for a terminal")
	}
	for _, quiet := range []bool{false, true} {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "slow.txt")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
		// The bar is drawn as documents finish: one at once, one late.
		first := filepath.Join(dir, "first.txt")
		if err := os.WriteFile(first, []byte("Id. at 5.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		command := bin + " extract " + first + " " + fifo + " -o " + filepath.Join(dir, "out.jsonl")
		if quiet {
			command += " --quiet"
		}
		cmd := exec.Command("script", "-qec", command, "/dev/null")
		var out strings.Builder
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * progressDelay)
		if err := os.WriteFile(fifo, []byte("See Imbler v. Pachtman, 424 U.S. 409 (1976).\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("%s: %v\n%s", command, err, out.String())
		}
		bar := strings.Contains(out.String(), "docs (")
		if bar == quiet {
			t.Errorf("quiet=%v: progress bar shown: %v; output %q", quiet, bar, out.String())
		}
	}
}

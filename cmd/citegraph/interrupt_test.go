package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/extract"
)

// An interrupted extract to standard output leaves either nothing or
// whole records: -f json, one array valid only whole, leaves nothing;
// -f jsonl, which streams, leaves the records of the documents finished,
// each one valid JSON. The run is interrupted with a signal while
// standard input, JSON lines of opinions, is still open.
func TestInterruptedJSONArrayWritesNothing(t *testing.T) {
	bin := binary(t)
	// Enough records that the stream has passed some on (more than the
	// 64 KiB recordWriter gathers) before the signal.
	var opinions bytes.Buffer
	for i := range 200 {
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i),
			"text": strings.Repeat("See Imbler v. Pachtman, 424 U.S. 409, 420 (1976); Burns v. Reed, 500 U.S. 478 (1991). ", 10)})
		opinions.Write(append(rec, '\n'))
	}
	for _, format := range []string{"json", "jsonl"} {
		cmd := exec.Command(bin, "extract", "-", "-q", "-f", format)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := stdin.Write(opinions.Bytes()); err != nil {
			t.Fatal(err)
		}
		// The pipe stays open: the run waits for more until the signal.
		time.Sleep(time.Second)
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		stdin.Close()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("%s: %v, %q; want exit 1, interrupted", format, err, stderr.String())
		}
		switch format {
		case "json":
			if stdout.Len() != 0 {
				t.Errorf("json: an interrupted run wrote %d bytes: %.80q…", stdout.Len(), stdout.String())
			}
		case "jsonl":
			if stdout.Len() < 64<<10 {
				t.Errorf("jsonl: only %d bytes streamed before the signal", stdout.Len())
			}
			sc := bufio.NewScanner(&stdout)
			for sc.Scan() {
				if !json.Valid(sc.Bytes()) {
					t.Fatalf("jsonl: a record cut short: %q", sc.Text())
				}
			}
		}
	}
}

// The same at the level of writeOutput: a run cancelled after writing
// more records than any buffer holds puts nothing of its JSON array on
// standard output, and whole JSON lines.
func TestCancelledJSONArrayWritesNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rec := extract.Record{Doc: "a.txt", Kind: "full", Target: "424 U.S. 409"}
	for _, format := range []string{"json", "jsonl"} {
		cmd := &cobra.Command{}
		var stdout bytes.Buffer
		cmd.SetOut(&stdout)
		cmd.SetContext(ctx)
		err := writeOutput(cmd, "-", format, false, func(w io.Writer) error {
			rw, err := extract.NewRecordWriter(w, format)
			if err != nil {
				return err
			}
			for range 10000 {
				if err := rw.Write(&rec); err != nil {
					return err
				}
			}
			return ctx.Err() // cancelled before the array is closed
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "json" && stdout.Len() != 0 {
			t.Errorf("json: %d bytes of an unclosed array written", stdout.Len())
		}
		if format == "jsonl" && (stdout.Len() < 64<<10 || !bytes.HasSuffix(stdout.Bytes(), []byte("}\n"))) {
			t.Errorf("jsonl: %d bytes, ending %q", stdout.Len(), stdout.Bytes()[max(0, stdout.Len()-20):])
		}
	}
}

package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Stdout is the output path that means standard output.
const Stdout = "-"

// Output is one file of a write: its path and what goes into it.
type Output struct {
	Path  string
	Write func(io.Writer) error
}

// WriteFile writes one file so that readers never see it partial; see
// WriteFiles. Path "-" writes to standard output instead.
func WriteFile(path string, write func(io.Writer) error) error {
	return WriteFiles(context.Background(), Output{Path: path, Write: write})
}

// WriteFiles writes files that belong together (the nodes and edges of a
// CSV export) so that readers never see a partial file, nor a new file
// beside an old one of the same set:
//
//  1. each output goes to a temporary file in its target's directory (so
//     the rename stays on one file system), is flushed and synced;
//  2. only when every one is complete do they replace their targets, one
//     rename each;
//  3. should a rename fail, the targets already replaced get their old
//     content back (kept under a hard link until the renames are done).
//
// On any error, a panic in a write function, or the cancellation of ctx
// (checked at every write to a file), the old files are left as they were
// and the temporary files are removed. A write killed outright (SIGKILL, a
// crash) leaves its hidden temporary file, ".NAME.NNN.tmp"; the next write
// to NAME removes it, telling it from a concurrent writer's by the lock
// the writer holds on it.
//
// A new file gets mode 0644; a replaced file keeps its mode. The path "-"
// writes to standard output (unbuffered by any temporary file, so not
// atomic); it can be one of several outputs only if it is the only one.
func WriteFiles(ctx context.Context, outs ...Output) (err error) {
	if len(outs) == 1 && outs[0].Path == Stdout {
		bw := bufio.NewWriterSize(os.Stdout, 64<<10)
		if err := outs[0].Write(&ctxWriter{ctx: ctx, w: bw}); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write standard output: %w", err)
		}
		return nil
	}
	temps := make([]*tempFile, 0, len(outs))
	defer func() {
		// Runs on errors and on panics alike, so that no temporary file
		// survives a failed write.
		for _, t := range temps {
			t.discard()
		}
	}()
	for _, o := range outs {
		t, err := createTemp(o.Path)
		if err != nil {
			return err
		}
		temps = append(temps, t)
		if err := t.fill(ctx, o.Write); err != nil {
			return err
		}
	}
	return replaceAll(temps)
}

// tempFile is an output being written beside its target.
type tempFile struct {
	target string
	mode   fs.FileMode
	f      *os.File
	name   string
	done   bool // renamed onto target, or removed
}

// createTemp starts the temporary file of target, first removing the
// stale temporary files of earlier writes to target that were killed.
func createTemp(target string) (*tempFile, error) {
	if target == Stdout {
		return nil, errors.New("standard output cannot be one of several outputs")
	}
	if target == "" {
		return nil, errors.New("no output file given")
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(target); err == nil {
		if fi.IsDir() {
			return nil, fmt.Errorf("write %s: is a directory", target)
		}
		mode = fi.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	f, err := os.CreateTemp(dir, tempPattern(base))
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", target, unwrapPathError(err))
	}
	lockTemp(f)
	return &tempFile{target: target, mode: mode, f: f, name: f.Name()}, nil
}

// tempPattern is the os.CreateTemp pattern of base's temporary files:
// hidden, and marked as ours by the suffix.
func tempPattern(base string) string { return "." + base + ".*.tmp" }

// removeStaleTemps removes the temporary files that writes to base left in
// dir when they were killed. A file of the pattern that its writer still
// has locked belongs to a write in progress and is left alone.
func removeStaleTemps(dir, base string) {
	matches, err := filepath.Glob(filepath.Join(dir, globEscape(tempPattern(base))))
	if err != nil {
		return
	}
	prefix := len("." + base + ".")
	for _, m := range matches {
		// os.CreateTemp puts only digits where the pattern has its star.
		name := filepath.Base(m)
		if digits := name[prefix : len(name)-len(".tmp")]; digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue
		}
		if isStale(m) {
			os.Remove(m)
		}
	}
}

// globEscape escapes the glob metacharacters of pattern except its star.
func globEscape(pattern string) string {
	var b strings.Builder
	for _, r := range pattern {
		if strings.ContainsRune(`?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fill writes the temporary file and makes it durable.
func (t *tempFile) fill(ctx context.Context, write func(io.Writer) error) error {
	bw := bufio.NewWriterSize(t.f, 64<<10)
	if err := write(&ctxWriter{ctx: ctx, w: bw}); err != nil {
		// A failed write to the temporary file (a full disk) is reported
		// against the file the user asked for.
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == t.name {
			return fmt.Errorf("write %s: %w", t.target, pe.Err)
		}
		return err
	}
	for _, step := range []func() error{bw.Flush, func() error { return t.f.Chmod(t.mode) }, t.f.Sync} {
		if err := step(); err != nil {
			return fmt.Errorf("write %s: %w", t.target, unwrapPathError(err))
		}
	}
	return nil
}

// discard removes the temporary file unless it was renamed.
func (t *tempFile) discard() {
	if !t.done {
		t.f.Close()
		os.Remove(t.name)
		t.done = true
	}
}

// replaceAll renames every temporary file onto its target. Before the
// first rename, each existing target is kept under a hard link, so that a
// failed rename can put back the targets already replaced.
func replaceAll(temps []*tempFile) error {
	backups := make([]string, len(temps))
	defer func() {
		for _, b := range backups {
			if b != "" {
				os.Remove(b)
			}
		}
	}()
	if len(temps) > 1 {
		for i, t := range temps {
			if _, err := os.Lstat(t.target); err != nil {
				continue // nothing to keep
			}
			// Named like a temporary file, so that a run killed here
			// leaves nothing the next write would not remove.
			b := strings.TrimSuffix(t.name, ".tmp") + "0.tmp"
			if err := os.Link(t.target, b); err != nil {
				return fmt.Errorf("write %s: keeping the old file: %w", t.target, unwrapPathError(err))
			}
			backups[i] = b
		}
	}
	for i, t := range temps {
		// Closing unlocks the file, which a concurrent cleaner may then
		// take for stale: close only right before the rename.
		err := t.f.Close()
		if err == nil {
			err = os.Rename(t.name, t.target)
		}
		if err != nil {
			restore(temps[:i], backups[:i])
			return fmt.Errorf("write %s: %w", t.target, unwrapPathError(err))
		}
		t.done = true
		syncDir(filepath.Dir(t.target))
	}
	return nil
}

// restore puts the old files back over targets already replaced; a target
// that had no old file is removed.
func restore(replaced []*tempFile, backups []string) {
	for i, t := range replaced {
		if backups[i] == "" {
			os.Remove(t.target)
			continue
		}
		if os.Rename(backups[i], t.target) == nil {
			backups[i] = ""
		}
	}
}

// ctxWriter fails every write once ctx is done, so that a cancelled run
// stops writing at once.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// syncDir makes the rename durable. Failure is not reported: the file is
// complete and in place, and some file systems cannot sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrapPathError drops the temporary file's name from an error, since the
// user only knows the path they asked for.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

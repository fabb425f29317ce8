// Command citegraph turns court opinions into a precedent graph: it finds
// and resolves every case citation (extract), builds the citing → cited
// graph (build), ranks precedents (rank), exports the graph and draws it
// (render).
//
// Exit status: 0 success, 1 error (bad input, failed output), 2 usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

// subcommands is filled by each command's file, so that every command lives
// beside its own flags and nothing else needs to change to add one.
var subcommands []func() *cobra.Command

func register(f func() *cobra.Command) { subcommands = append(subcommands, f) }

// usageError marks errors in how the command was called (exit status 2).
type usageError struct{ error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "citegraph",
		Short:         "Turn court opinions into a precedent graph",
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("citegraph {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	for _, f := range subcommands {
		root.AddCommand(f())
	}
	completeFlagValues(root)
	return root
}

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go watchdog(sigs, cancel, interruptGrace)
	err := newRoot().ExecuteContext(ctx)
	signal.Stop(sigs)
	os.Exit(exitCode(err))
}

// interruptGrace is how long an interrupted command has to stop on its own
// before the process exits without it.
const interruptGrace = 1500 * time.Millisecond

// watchdog turns the first SIGINT or SIGTERM into the cancellation of the
// command's context: every phase that can checks it (reading, ranking,
// writing) and stops cleanly, removing its temporary output. A phase that
// cannot check it (a third-party computation) does not get to hold the
// user up: after grace, or at a second signal, the process exits with
// status 1. Outputs are only ever replaced by an atomic rename, so the old
// output is still in place; a temporary file left behind is removed by
// the next write to the same output.
func watchdog(sigs <-chan os.Signal, cancel context.CancelCauseFunc, grace time.Duration) {
	sig := <-sigs
	cancel(fmt.Errorf("%w by %v", errInterrupted, sig))
	select {
	case <-sigs:
	case <-time.After(grace):
	}
	fmt.Fprintf(os.Stderr, "citegraph: %v: stopped\n", errInterrupted)
	os.Exit(1)
}

// errInterrupted is the cause of a cancelled run.
var errInterrupted = errors.New("interrupted")

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, context.Canceled) {
		// Whatever phase noticed the cancellation, say why it came.
		err = errInterrupted
	}
	fmt.Fprintln(os.Stderr, "citegraph:", err)
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return 2
	}
	return 1
}

// isCobraUsage recognises cobra's own argument errors, which it does not
// type.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "invalid argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

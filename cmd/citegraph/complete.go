package main

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/export/draw"
	"github.com/citegraph/citegraph/extract"
	"github.com/citegraph/citegraph/graph"
)

// completeFlagValues makes shell completion (citegraph completion bash,
// zsh, fish, powershell) offer the values of the flags that take one from
// a fixed set, on every command that has them.
func completeFlagValues(root *cobra.Command) {
	formats := map[string][]string{
		"build":   export.Formats,
		"extract": extract.OutputFormats,
		"rank":    rankFormats,
		"render":  pictureFormats,
	}
	fixed := map[string][]string{
		"by":           graph.Measures,
		"size-by":      graph.Measures,
		"measures":     append(slices.Clone(graph.Measures), "none"),
		"layout":       {draw.LayoutTimeline, draw.LayoutForce},
		"graph-format": {graph.FormatGraphML, graph.FormatEdgeList},
		"cluster":      {"court"},
		"gexf-version": {export.GEXF13, export.GEXF12},
		"encoding":     {"utf-8", "windows-1252", "latin1", "iso-8859-15", "utf-16le", "utf-16be"},
	}
	for _, cmd := range root.Commands() {
		values := map[string][]string{"format": formats[cmd.Name()]}
		for name, v := range fixed {
			values[name] = v
		}
		for name, v := range values {
			if cmd.Flags().Lookup(name) == nil || v == nil {
				continue
			}
			_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(v, cobra.ShellCompDirectiveNoFileComp))
		}
		if cmd.Flags().Lookup("court") != nil {
			_ = cmd.RegisterFlagCompletionFunc("court", completeCourts)
		}
	}
}

// completeCourts offers the courts of the graph file the command line
// names, the only graph known before the command runs.
func completeCourts(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	format, err := graphFileFormat(args, "")
	if err != nil || format == "" {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	g, err := graph.ReadFile(args[0], format)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var courts []string
	for n := range g.Nodes() {
		if n.Court != "" && !slices.Contains(courts, n.Court) {
			courts = append(courts, n.Court)
		}
	}
	slices.Sort(courts)
	return courts, cobra.ShellCompDirectiveNoFileComp
}

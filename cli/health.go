package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
)

// healthCells is the most cells a health bar has.
const healthCells = runview.HealthCells

// healthStyle is how a health bar shows a partition state: a block
// character, distinct without colour, and its colour on a terminal.
var healthStyle = [...]struct{ glyph, color string }{
	history.PartitionMissing: {"░", "\x1b[90m"},
	history.PartitionFresh:   {"█", "\x1b[32m"},
	history.PartitionStale:   {"▓", "\x1b[33m"},
	history.PartitionFailed:  {"╳", "\x1b[31m"},
}

// colors reports whether w is a terminal to colour: one, and NO_COLOR
// unset (https://no-color.org).
func colors(w io.Writer) bool { return os.Getenv("NO_COLOR") == "" && isTerminal(w) }

// healthBar returns the cells as block characters, coloured when color
// is set.
func healthBar(cells []history.PartitionStatus, color bool) string {
	var b strings.Builder
	last := ""
	for _, c := range cells {
		st := healthStyle[c]
		if color && st.color != last {
			b.WriteString(st.color)
			last = st.color
		}
		b.WriteString(st.glyph)
	}
	if color && last != "" {
		b.WriteString("\x1b[0m")
	}
	return b.String()
}

// writeHealth writes the health bar of each partitioned asset of states,
// with its counts, and a legend.
func writeHealth(w io.Writer, states []history.State, color bool) {
	width := 0
	for _, s := range states {
		width = max(width, len(s.Key))
	}
	fmt.Fprintln(w)
	for _, s := range states {
		p := s.Partitions
		cells := p.Health(healthCells)
		pad := strings.Repeat(" ", healthCells-len(cells))
		fmt.Fprintf(w, "%-*s  %s%s  %s\n", width, s.Key, healthBar(cells, color), pad, p.Counts())
	}
	var legend []string
	for _, st := range []history.PartitionStatus{history.PartitionFresh, history.PartitionStale, history.PartitionFailed, history.PartitionMissing} {
		legend = append(legend, healthBar([]history.PartitionStatus{st}, color)+" "+st.String())
	}
	fmt.Fprintf(w, "%-*s  %s\n", width, "", strings.Join(legend, "  "))
}

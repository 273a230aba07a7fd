package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/assetgen/assetgen/runtime"
)

// jsonCheck is the JSON form of a check's outcome, in a check_evaluated
// event (its metadata goes to the event's metadata).
type jsonCheck struct {
	Name        string `json:"name"`
	Passed      bool   `json:"passed"`
	Severity    string `json:"severity"`
	Blocking    bool   `json:"blocking,omitempty"`
	Description string `json:"description,omitempty"`
}

func newJSONCheck(c *runtime.CheckEvaluation) *jsonCheck {
	return &jsonCheck{Name: c.Name, Passed: c.Passed, Severity: c.Severity.String(), Blocking: c.Blocking, Description: c.Description}
}

// outcome returns "passed", "FAILED (warn)", "FAILED (error)" or
// "FAILED (error, blocking)".
func outcome(c *runtime.CheckEvaluation) string {
	switch {
	case c.Passed:
		return "passed"
	case c.Blocks():
		return "FAILED (error, blocking)"
	}
	return "FAILED (" + c.Severity.String() + ")"
}

// checkLine returns a check's outcome on one line: "NAME passed", "NAME
// FAILED (error, blocking): description".
func checkLine(c *runtime.CheckEvaluation) string {
	if c == nil {
		return ""
	}
	s := c.Name + " " + outcome(c)
	if !c.Passed && c.Description != "" {
		s += ": " + cell(c.Description)
	}
	return s
}

// writeChecks writes the table of check outcomes, if any, after a blank
// line.
func writeChecks(w io.Writer, checks []runtime.CheckEvaluation) error {
	if len(checks) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ASSET\tCHECK\tRESULT\tDESCRIPTION")
	for _, c := range checks {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", stepName(c.Key, c.Partition), c.Name, outcome(&c), cell(c.Description))
	}
	return tw.Flush()
}

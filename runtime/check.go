package runtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
)

// Severity is how much a failed check matters.
type Severity uint8

// Severities. The zero Severity is SeverityError.
const (
	SeverityError Severity = iota // the data is wrong; a blocking check stops the downstream steps
	SeverityWarn                  // worth a look; never stops anything
)

// String returns "error" or "warn".
func (s Severity) String() string {
	if s == SeverityWarn {
		return "warn"
	}
	return "error"
}

// CheckResult is what a check reports: whether the data passed, how bad
// a failure is, a description and metadata (a failing row count, example
// rows). A check function may return one (with an error or not).
type CheckResult struct {
	Passed      bool
	Severity    Severity
	Description string
	Metadata    Metadata
}

// CheckDef is one check of an asset: a function (//check:) or a
// declarative column rule (the checks= option).
type CheckDef struct {
	Name        string // unique among the asset's checks
	Blocking    bool   // a failure of severity error skips the asset's downstream steps
	Description string // from the function's doc comment
	Source      string // "file.go:line" of the function or directive
	// Inputs are the assets the check reads, in parameter order: the
	// checked asset (its key is the asset's) and unpartitioned others.
	Inputs []Input
	// Run calls the check function; nil for a column rule.
	Run func(ctx *Context, in Inputs) (CheckResult, error)
	// Rule is the column rule of a declarative check; nil for a function.
	Rule *ColumnRule
	// Resources are the resources the check function takes (by type),
	// built on first use in the run, as an asset's are.
	Resources []*ResourceDef
	// Config is the config struct the check function takes; nil when
	// none. Its section of the run config is CheckSection(key, Name).
	Config *ConfigDef
}

// checkResources returns the resources of c; none for a nil c.
func (c *CheckDef) checkResources() []*ResourceDef {
	if c == nil {
		return nil
	}
	return c.Resources
}

// CheckSection returns the section of the run config of check name of
// asset key: "checks.KEY.NAME" (in a config file, under checks:, then
// the asset's key, then the check's name).
func CheckSection(key Key, name string) string { return "checks." + string(key) + "." + name }

// CheckConfig returns the config of the running check, decoded into T,
// the type of its ConfigDef. Generated check functions call it.
func CheckConfig[T any](c *Context) (T, error) {
	var zero T
	check := runningCheck(c)
	if check == nil || check.Config == nil {
		return zero, fmt.Errorf("asset %s: the running check takes no config", c.Key)
	}
	return decodeConfig[T](c, check.Config, CheckSection(c.Key, check.Name), "check "+check.Name+" of "+string(c.Key))
}

// checkKey is the context key of the running check (a value, so that
// the per-step Context stays small).
type checkKey struct{}

// runningCheck returns the check function running with c; nil while
// the asset's function runs.
func runningCheck(c *Context) *CheckDef {
	if c.Context == nil {
		return nil
	}
	check, _ := c.Context.Value(checkKey{}).(*CheckDef)
	return check
}

// RuleKind names a declarative column rule.
type RuleKind string

// The column rules. Null values pass every rule but not_null.
const (
	RuleNotNull        RuleKind = "not_null"        // no NULL (nil pointer, invalid sql.Null)
	RuleUnique         RuleKind = "unique"          // no value twice
	RuleAcceptedValues RuleKind = "accepted_values" // each value, as text, is one of Values
	RuleMin            RuleKind = "min"             // each value >= Bound
	RuleMax            RuleKind = "max"             // each value <= Bound
	RuleRowCountMin    RuleKind = "row_count_min"   // at least Bound rows; no Column
	RuleRowCountMax    RuleKind = "row_count_max"   // at most Bound rows; no Column
)

// rowCount reports whether r counts the rows rather than checking a
// column.
func (r *ColumnRule) rowCount() bool { return r.Kind == RuleRowCountMin || r.Kind == RuleRowCountMax }

// ColumnRule is a declarative check on one column of a table output
// ([]T): the checks= option, validated by the generator against T.
type ColumnRule struct {
	Kind   RuleKind
	Column string   // as the columns rule names it; empty for the row counts
	Values []string // accepted_values
	Bound  float64  // min, max, row_count_min, row_count_max
	// Severity is the severity of a failure: SeverityError, or
	// SeverityWarn for a rule written warn:RULE(...). (Whether a failure
	// blocks is CheckDef.Blocking, as for a function.)
	Severity Severity
}

// String returns the rule as the checks= option writes it.
func (r *ColumnRule) String() string {
	switch r.Kind {
	case RuleAcceptedValues:
		s := ""
		for i, v := range r.Values {
			if i > 0 {
				s += "|"
			}
			s += v
		}
		return fmt.Sprintf("%s(%s:%s)", r.Kind, r.Column, s)
	case RuleMin, RuleMax:
		return fmt.Sprintf("%s(%s:%v)", r.Kind, r.Column, r.Bound)
	case RuleRowCountMin:
		return fmt.Sprintf("row_count(min:%v)", r.Bound)
	case RuleRowCountMax:
		return fmt.Sprintf("row_count(max:%v)", r.Bound)
	}
	return fmt.Sprintf("%s(%s)", r.Kind, r.Column)
}

// ColumnChecker is an I/O manager that evaluates column rules where the
// data is (the DuckDB manager, in SQL), instead of the runtime loading
// the rows. CheckColumns returns one result per rule, in order, for the
// asset and partition in (in.Upstream, in.UpstreamPartitions); an error
// wrapping errors.ErrUnsupported leaves the rules to the runtime.
type ColumnChecker interface {
	CheckColumns(in *InputContext, rules []*ColumnRule) ([]CheckResult, error)
}

// MaxExamples is how many failing rows a column rule's metadata shows.
const MaxExamples = 5

// CheckEvaluation is the outcome of one check of one asset (and one
// partition): events and step results carry them.
type CheckEvaluation struct {
	Key       Key
	Partition string // the checked partition; empty when unpartitioned
	Name      string
	Blocking  bool
	CheckResult
	Duration time.Duration
	Err      error // the check could not run (a load failed, it panicked); then Passed is false
	// Materialization is the run whose output was checked, when not the
	// run reporting the evaluation ('check' alone); empty otherwise.
	Materialization string
}

// Blocks reports whether the evaluation stops the asset's downstream
// steps: a blocking check that failed with severity error.
func (e *CheckEvaluation) Blocks() bool {
	return e.Blocking && !e.Passed && e.Severity == SeverityError
}

// String returns "check NAME of KEY [partition P] passed|failed (severity)".
func (e *CheckEvaluation) String() string {
	s := "check " + e.Name + " of " + string(e.Key)
	if e.Partition != "" {
		s += " partition " + e.Partition
	}
	if e.Passed {
		return s + " passed"
	}
	return s + " failed (" + e.Severity.String() + ")"
}

// Blocker returns the first evaluation of r that blocks its downstream
// steps, or nil.
func (r *StepResult) Blocker() *CheckEvaluation {
	for i := range r.Checks {
		if r.Checks[i].Blocks() {
			return &r.Checks[i]
		}
	}
	return nil
}

// CheckError turns the error a check function returned into its result:
// nil passes; any other error fails with severity error, described by
// the error. Generated code calls it for checks that return error.
func CheckError(err error) (CheckResult, error) {
	if err == nil {
		return CheckResult{Passed: true}, nil
	}
	return CheckResult{Description: err.Error()}, nil
}

// ExecuteChecks runs the checks of one step's asset against its stored
// output, without materializing it (the CLI's check command): each
// partition of the step on its own. It reports a CheckEvaluated event per
// check to opts.OnEvent. An error means the step itself is wrong (an
// unknown key, partitions the asset does not have).
func ExecuteChecks(ctx context.Context, defs *Definitions, step Step, opts Options) ([]CheckEvaluation, error) {
	if defs == nil {
		return nil, errors.New("no definitions")
	}
	opts.NoChecks = false
	defer ownResources(&opts)()
	x, node, part, err := newStepExecutor(defs, NewGraph(defs.Assets)).step(step, &opts)
	if err != nil {
		return nil, err
	}
	return x.checks(ctx, node, part), nil
}

// checks runs the checks of node for each partition of part (once when
// unpartitioned), emitting an event for each.
func (x *executor) checks(ctx context.Context, node int32, part *stepPart) []CheckEvaluation {
	def := x.g.defs[node]
	if x.opts.NoChecks || len(def.Checks) == 0 {
		return nil
	}
	var out []CheckEvaluation
	if part == nil {
		return x.checkPartition(ctx, node, nil, out)
	}
	keys := part.sel.Of()
	for i := range part.sel.Indexes() {
		out = x.checkPartition(ctx, node, newStepPart(keys.Subset(i)), out)
	}
	return out
}

// checkPartition runs the checks of node on one partition (nil:
// unpartitioned) and appends their evaluations to out.
func (x *executor) checkPartition(ctx context.Context, node int32, part *stepPart, out []CheckEvaluation) []CheckEvaluation {
	def := x.g.defs[node]
	attrs := []slog.Attr{slog.String("asset", string(def.Key))}
	if part != nil {
		attrs = append(attrs, slog.String("partition", part.name))
	}
	cc := &checkRun{x: x, node: node, part: part}
	cc.ctx = Context{Context: ctx, RunID: x.runID, Key: def.Key, Def: def, Attempt: 1,
		Log: slog.New(x.log.WithAttrs(attrs)), run: &stepRun{x: x, node: node, def: def}, part: part}
	// Column rules first, in one call when the manager evaluates them.
	var rules []*ColumnRule
	var ruleDefs []*CheckDef
	for _, c := range def.Checks {
		if c.Rule != nil {
			rules, ruleDefs = append(rules, c.Rule), append(ruleDefs, c)
		}
	}
	start := time.Now()
	var ruled []CheckResult
	var ruleErr error
	if len(rules) > 0 {
		ruled, ruleErr = cc.rules(rules)
	}
	d := time.Since(start)
	for i, c := range ruleDefs {
		ev := cc.evaluation(c)
		ev.Duration = d / time.Duration(len(ruleDefs))
		if ruleErr != nil {
			ev.Err, ev.Description = ruleErr, "check could not run: "+ruleErr.Error()
		} else {
			ev.CheckResult = ruled[i]
			ev.Severity = c.Rule.Severity // the rule's, whoever evaluated it
		}
		out = append(out, x.reportCheck(ev))
	}
	for _, c := range def.Checks {
		if c.Run == nil {
			continue
		}
		ev := cc.evaluation(c)
		start := time.Now()
		res, err := cc.call(c)
		ev.Duration = time.Since(start)
		if err != nil {
			ev.Err, ev.Description = err, "check could not run: "+err.Error()
		} else {
			ev.CheckResult = res
		}
		out = append(out, x.reportCheck(ev))
	}
	return out
}

// reportCheck emits the event of ev and returns it.
func (x *executor) reportCheck(ev CheckEvaluation) CheckEvaluation {
	if x.emit != nil {
		e := ev
		x.emit(Event{Type: CheckEvaluated, Time: time.Now(), RunID: x.runID, Key: ev.Key, Partition: ev.Partition, Duration: ev.Duration, Err: ev.Err, Check: &e})
	}
	return ev
}

// checkRun is the state of the checks of one asset and partition.
type checkRun struct {
	x     *executor
	node  int32
	part  *stepPart
	ctx   Context
	check *CheckDef // the check whose inputs Load loads
}

func (cc *checkRun) evaluation(c *CheckDef) CheckEvaluation {
	return CheckEvaluation{Key: cc.ctx.Key, Partition: cc.part.display(), Name: c.Name, Blocking: c.Blocking}
}

// call runs a check function, turning a panic into an error.
func (cc *checkRun) call(c *CheckDef) (res CheckResult, err error) {
	defer func() {
		if v := recover(); v != nil {
			stack := shortStack(20)
			cc.ctx.Log.Error("panic in check "+c.Name, "value", v, "stack", stack)
			err = &PanicError{Value: v, Stack: stack}
		}
	}()
	cc.check = c
	base := cc.ctx.Context
	cc.ctx.Context = context.WithValue(base, checkKey{}, c)
	defer func() { cc.ctx.Context = base }()
	return c.Run(&cc.ctx, cc)
}

// Load implements Inputs for a check function: input i of the check.
func (cc *checkRun) Load(ctx context.Context, i int) (any, error) {
	c := cc.check
	if i < 0 || i >= len(c.Inputs) {
		return nil, fmt.Errorf("check %s has no input #%d", c.Name, i)
	}
	in := &c.Inputs[i]
	if ctx == nil {
		ctx = &cc.ctx
	}
	v, err := cc.load(ctx, in.Key, in.Name, in.Type)
	if err != nil {
		return nil, fmt.Errorf("check %s: load %s: %w", c.Name, in.Key, err)
	}
	return v, nil
}

// load loads the output of key (the checked asset, in the check's
// partition; or an unpartitioned asset) into typ.
func (cc *checkRun) load(ctx context.Context, key Key, name string, typ reflect.Type) (any, error) {
	def := cc.ctx.Def
	node := cc.node
	if key != def.Key {
		j, ok := cc.x.g.Index(key)
		if !ok {
			return nil, fmt.Errorf("asset %s is not defined", key)
		}
		node = j
	}
	up := cc.x.g.defs[node]
	m := cc.x.managers[node]
	if m == nil {
		return nil, fmt.Errorf("I/O manager %q of asset %s is not defined", up.IOManagerKey(), key)
	}
	ic := cc.input(ctx, up, name)
	if typ != nil {
		ic.Type = typ
	}
	if up.Partitions != nil && key != def.Key {
		return nil, fmt.Errorf("asset %s is partitioned: a check reads only its own asset's partitions", key)
	}
	return m.Load(ic)
}

// input returns the InputContext that loads asset up for the check.
func (cc *checkRun) input(ctx context.Context, up *AssetDef, name string) *InputContext {
	ic := &InputContext{
		Context: ctx, RunID: cc.x.runID, Key: cc.ctx.Key, Def: cc.ctx.Def, Name: name,
		Upstream: up.Key, UpstreamDef: up, Type: up.StoredType(), Log: cc.ctx.Log,
	}
	if up.Key == cc.ctx.Key && cc.part != nil {
		ic.Partition = cc.part.name
		ic.UpstreamPartitions = []string{cc.part.name}
		ic.UpstreamSubset = cc.part.sel
	}
	return ic
}

// rules evaluates the column rules of the checked asset: through its
// I/O manager when it is a ColumnChecker, else over its loaded rows.
func (cc *checkRun) rules(rules []*ColumnRule) ([]CheckResult, error) {
	def := cc.ctx.Def
	if ch, ok := cc.x.managers[cc.node].(ColumnChecker); ok {
		res, err := ch.CheckColumns(cc.input(&cc.ctx, def, ""), rules)
		if !errors.Is(err, errors.ErrUnsupported) {
			return res, err
		}
	}
	v, err := cc.load(&cc.ctx, def.Key, "", nil)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", def.Key, err)
	}
	return EvalRules(v, rules)
}

// checkChecks returns what is wrong with the checks of a: names missing
// or used twice, a check with neither Run nor Rule, inputs naming assets
// that are not defined (or partitioned ones other than a), rules on an
// output that is not rows of a struct or on a column it lacks.
func (g *Graph) checkChecks(a *AssetDef) []string {
	var errs []string
	add := func(c *CheckDef, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("asset %s%s: check %s: ", a.Key, at(a), c.Name)+fmt.Sprintf(format, args...))
	}
	seen := map[string]bool{}
	for _, c := range a.Checks {
		switch {
		case c == nil:
			errs = append(errs, fmt.Sprintf("asset %s%s: a nil check", a.Key, at(a)))
			continue
		case c.Name == "":
			add(c, "no Name")
		case seen[c.Name]:
			add(c, "defined twice")
		}
		seen[c.Name] = true
		if (c.Run == nil) == (c.Rule == nil) {
			add(c, "want either Run or Rule")
		}
		for _, in := range c.Inputs {
			j, ok := g.Index(in.Key)
			switch {
			case !ok:
				add(c, "input %s: asset %s is not defined%s", in.Name, in.Key, didYouMean(in.Key, g.keys))
			case in.Key != a.Key && g.defs[j].Partitions != nil:
				add(c, "input %s: asset %s is partitioned: a check reads only its own asset's partitions", in.Name, in.Key)
			}
		}
		if c.Rule != nil {
			if err := ruleFits(c.Rule, a.StoredType()); err != nil {
				add(c, "%v", err)
			}
		}
	}
	return errs
}

// ruleFits reports whether rule r applies to rows of type t.
func ruleFits(r *ColumnRule, t reflect.Type) error {
	elem, _, ok := columns.RowOf(t)
	if !ok {
		return fmt.Errorf("rule %s needs rows ([]T of a struct), not %v", r, t)
	}
	if r.rowCount() {
		return nil
	}
	cols, err := columns.Of(elem)
	if err != nil {
		return err
	}
	for _, c := range cols {
		if columns.Fold(c.Name) == columns.Fold(r.Column) {
			return nil
		}
	}
	return fmt.Errorf("rule %s: %s has no column %q", r, elem, r.Column)
}

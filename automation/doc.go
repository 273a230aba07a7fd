// Package automation keeps assets up to date without anyone starting
// runs: schedules (cron ticks in a time zone), sensors (functions called
// every interval, with a cursor kept in the history) and declarative
// conditions per asset (Eager, OnCron, OnMissing, combined with And, Or
// and Not), evaluated by a Daemon that launches the runs they ask for.
//
// A pipeline declares them in Go and hands them to the command line:
//
//	cli.Main(defs, cli.WithAutomation(automation.Definitions{
//		Schedules: []automation.Schedule{{Name: "daily", Cron: "10 0 * * *", Zone: "Europe/Paris", Select: "raw"}},
//		Conditions: map[runtime.Key]automation.Condition{"report": automation.Eager()},
//	}))
//
// Conditions and freshness policies may also be declared with the asset
// directive's options automation= and freshness= (runtime.AssetDef's
// Automation and Freshness, parsed by internal/autospec, as the generator
// checked them); one declared both ways is an error from New.
//
// `pipeline daemon` (or `pipeline serve`) runs the daemon. Exactly
// one daemon acts per history: each holds a lease in the history while it
// leads (renewed every tick, lasting Options.LeaseTTL), and the others wait
// as standbys until it lapses. Every run the daemon launches (a schedule's
// tick, a sensor's request, a condition's run) is claimed in the history
// first, fenced by the lease: the claim is recorded only while this
// daemon holds the lease, so no two daemons launch it twice, and a
// leader whose tick outlasted its lease launches nothing more. The
// daemon reads the time from a Clock, so tests move a FakeClock over days
// without sleeping.
package automation

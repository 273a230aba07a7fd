package cli

import (
	"flag"
	"fmt"

	"github.com/assetgen/assetgen/internal/suggest"
)

// helpCommand is help: the usage of a command, or a topic.
func helpCommand() *command {
	return &command{
		name:  "help",
		args:  "[command | topic]",
		short: "show help for a command, or for a topic such as select",
		long: `Help prints the usage of a command, or explains a topic.

Topics:
	select   the asset selection syntax of --select`,
		positional: true,
		setup: func(fs *flag.FlagSet) func(*env) int {
			return runHelp
		},
	}
}

func runHelp(e *env) int {
	switch e.fs.NArg() {
	case 0:
		e.usage(e.stdout)
		return exitOK
	case 1:
	default:
		return e.usageError("too many arguments: want one command or topic")
	}
	name := e.fs.Arg(0)
	if name == "select" || name == "selection" {
		fmt.Fprint(e.stdout, selectHelp)
		return exitOK
	}
	if t := lookup(name); t != nil {
		e.commandUsage(e.stdout, t, nil)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "%s help: unknown command or topic %q%s\n", e.prog, name, suggest.Hint(name, append(commandNames(), "select")))
	fmt.Fprintf(e.stderr, "Run '%s help' for usage.\n", e.prog)
	return exitUsage
}

// selectHelp explains the selection syntax.
const selectHelp = `An asset selection names a set of assets, as in Dagster:

	people                 the asset with key people (same as key:people)
	key:sales/eu/orders    an asset key path
	key:"sales/*"          "*" matches any characters; values may be quoted
	+x                     x and all its upstream assets
	2+x                    x and two layers of upstream assets
	x+   x+1               x and all (or one layer of) its downstream assets
	+x+                    both directions
	group:analytics        the assets of a group
	kind:duckdb            the assets of a kind
	owner:team:data        the assets of an owner
	tag:tier  tag:tier=gold
	                       the assets with a tag, or a tag of that value
	kind:<null>            the assets with no kind; owner:<null>, no
	                       owner; tag:<null>, no tag; tag:tier=<null>,
	                       tag tier without a value
	a and b   a or b   not a   (a or b)
	roots(x)               the assets of x with no other asset of x
	                       upstream, at any distance
	sinks(x)               the assets of x with no other asset of x
	                       downstream, at any distance

"not" binds tighter than "and", and "and" tighter than "or". Every name
and attribute value must match at least one asset: a typo is an error
with a did-you-mean, not an empty selection. roots and sinks look through
assets outside x too: roots(a or c) is a alone when a feeds b, which
feeds c. A value with "@", "<", ">" (other than <null>) or "=" (other
than the one after a tag's name) must be quoted, as in Dagster:
owner:"alice@example.com", tag:query="a=b".

Examples:

	materialize --select '+combined_data'
	materialize --select 'group:analytics and not tag:pii'
	graph --select 'sinks(*)+' --format mermaid
`

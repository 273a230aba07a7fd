// Package p has malformed directives.
package p

//asset:grop=x
func Unknown() {}

// asset: group=a group=b
func Duplicate() {}

// asset: code_version="v1
func Unterminated() {}

// asset: name= group=a
func Empty() {}

// asset: group
func MissingEquals() {}

// asset: analytics
func Bare() {}

// asset: retries=-1
func NegativeRetries() {}

// asset: timeout=soon
func BadTimeout() {}

// asset: retry_delay=0s
func ZeroDelay() {}

// asset: name=Bad-Name
func BadName() {}

// asset: prefix=a//b
func BadPrefix() {}

// asset: group=a,b
func TwoGroups() {}

// asset: tags=novalue
func BadTag() {}

// asset: kinds=a,,b
func EmptyItem() {}

// asset: io=""
func EmptyQuoted() {}

// asset: =x
func NoKey() {}

// Fine is used by Downstream, even though nothing else here parses.
//
// asset: owners=me
func Fine() int { return 0 }

// asset:
func Downstream(fine int, unknown int) int { return 0 }

// Package p has directives with several problems each: every one is
// reported at once, at its own column.
package p

// asset: retries=-1 timeout=-5s grop=x
func Three() {}

//asset:deps=ok,Bad,a//b tags=x,k:1,k:2 kinds=a,,b owners=me
func Lists() {}

// asset: group analytics =x io=a,b code_version="\q" name=Named
func Words() {}

// asset: group=a group=b retry_delay=soon code_version="open io=x
func Unterminated() {}

// Fine has no problem; the bad directives around it do not hide that
// Uses names an asset that does not exist.
//
// asset: prefix=ok
func Fine() int { return 0 }

// asset: retries=x
func Uses(fine int, missing int) int { return 0 }

// Package automation declares automation conditions and freshness
// policies in the directive.
package automation

// Raw lands every morning; it must be at most 6 hours old.
//
// asset: automation=on_missing freshness=6h
func Raw() []int { return nil }

// Clean follows raw as soon as it changes.
//
// asset: automation=eager
func Clean(raw []int) []int { return raw }

// Report is made once a day after 07:00 in Paris, once it exists, and is
// due by 09:00 there, made within 3 hours before.
//
// asset: automation="and(on_cron(0 7 * * *;Europe/Paris), not(on_missing))" freshness="cron(0 9 * * *;Europe/Paris;3h)"
func Report(clean []int) int { return len(clean) }

// Summary is made when clean changes or when it is missing, and is due
// by each hour (a cron with commas, unquoted parts joined back).
//
// asset: automation=or(eager,on_missing) freshness=cron(@hourly)
func Summary(clean []int) int { return len(clean) }

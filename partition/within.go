package partition

// Within reports whether every window of t lies inside one window of u,
// so that TimeWindow(0, 0) maps each partition of t to one partition of u:
// an hour lies inside its day, a day inside its week or month, but a week
// does not lie inside a month. It holds when both are valid, in the same
// time zone, and every tick of u's schedule is a tick of t's. The
// generator uses it to tell whether a parameter receives one upstream
// partition or several.
func (t *Time) Within(u *Time) bool {
	if t.err != nil || u.err != nil || t.loc.String() != u.loc.String() {
		return false
	}
	a, b := u.sched, t.sched // every tick of a must be one of b
	const star = 1 << 63     // cron's mark of a field written "*"
	if (a.minute&^b.minute)&^star != 0 || (a.hour&^b.hour)&^star != 0 || (a.month&^b.month)&^star != 0 {
		return false
	}
	for dom := 1; dom <= 31; dom++ {
		for dow := 0; dow < 7; dow++ {
			if a.dayMatches(dom, dow) && !b.dayMatches(dom, dow) {
				return false
			}
		}
	}
	return true
}

// dayMatches reports whether the schedule fires on a day of the month
// dom that is day dow of the week, with cron's rule: both must match when
// either field is "*", one is enough otherwise.
func (s *schedule) dayMatches(dom, dow int) bool {
	domMatch := s.dom&(1<<uint(dom)) != 0
	dowMatch := s.dow&(1<<uint(dow)) != 0
	if s.domStar || s.dowStar {
		return domMatch && dowMatch
	}
	return domMatch || dowMatch
}

package chain

import "context"

var _ context.Context

// Asset500 is asset number 500 of the chain.
//
//asset: group=g0
func Asset500(ctx context.Context, asset499, asset250 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset499)+len(asset250))
	out = append(out, asset499...)
	for _, r := range asset250 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset501 is asset number 501 of the chain.
//
//asset: group=g1
func Asset501(ctx context.Context, asset500, asset250 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset500)+len(asset250))
	out = append(out, asset500...)
	for _, r := range asset250 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset502 is asset number 502 of the chain.
//
//asset: group=g2
func Asset502(ctx context.Context, asset501, asset251 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset501)+len(asset251))
	out = append(out, asset501...)
	for _, r := range asset251 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset503 is asset number 503 of the chain.
//
//asset: group=g3
func Asset503(ctx context.Context, asset502, asset251 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset502)+len(asset251))
	out = append(out, asset502...)
	for _, r := range asset251 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset504 is asset number 504 of the chain.
//
//asset: group=g4
func Asset504(ctx context.Context, asset503, asset252 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset503)+len(asset252))
	out = append(out, asset503...)
	for _, r := range asset252 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset505 is asset number 505 of the chain.
//
//asset: group=g5
func Asset505(ctx context.Context, asset504, asset252 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset504)+len(asset252))
	out = append(out, asset504...)
	for _, r := range asset252 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset506 is asset number 506 of the chain.
//
//asset: group=g6
func Asset506(ctx context.Context, asset505, asset253 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset505)+len(asset253))
	out = append(out, asset505...)
	for _, r := range asset253 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset507 is asset number 507 of the chain.
//
//asset: group=g7
func Asset507(ctx context.Context, asset506, asset253 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset506)+len(asset253))
	out = append(out, asset506...)
	for _, r := range asset253 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset508 is asset number 508 of the chain.
//
//asset: group=g8
func Asset508(ctx context.Context, asset507, asset254 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset507)+len(asset254))
	out = append(out, asset507...)
	for _, r := range asset254 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset509 is asset number 509 of the chain.
//
//asset: group=g9
func Asset509(ctx context.Context, asset508, asset254 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset508)+len(asset254))
	out = append(out, asset508...)
	for _, r := range asset254 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset510 is asset number 510 of the chain.
//
//asset: group=g0
func Asset510(ctx context.Context, asset509, asset255 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset509)+len(asset255))
	out = append(out, asset509...)
	for _, r := range asset255 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset511 is asset number 511 of the chain.
//
//asset: group=g1
func Asset511(ctx context.Context, asset510, asset255 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset510)+len(asset255))
	out = append(out, asset510...)
	for _, r := range asset255 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset512 is asset number 512 of the chain.
//
//asset: group=g2
func Asset512(ctx context.Context, asset511, asset256 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset511)+len(asset256))
	out = append(out, asset511...)
	for _, r := range asset256 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset513 is asset number 513 of the chain.
//
//asset: group=g3
func Asset513(ctx context.Context, asset512, asset256 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset512)+len(asset256))
	out = append(out, asset512...)
	for _, r := range asset256 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset514 is asset number 514 of the chain.
//
//asset: group=g4
func Asset514(ctx context.Context, asset513, asset257 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset513)+len(asset257))
	out = append(out, asset513...)
	for _, r := range asset257 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset515 is asset number 515 of the chain.
//
//asset: group=g5
func Asset515(ctx context.Context, asset514, asset257 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset514)+len(asset257))
	out = append(out, asset514...)
	for _, r := range asset257 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset516 is asset number 516 of the chain.
//
//asset: group=g6
func Asset516(ctx context.Context, asset515, asset258 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset515)+len(asset258))
	out = append(out, asset515...)
	for _, r := range asset258 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset517 is asset number 517 of the chain.
//
//asset: group=g7
func Asset517(ctx context.Context, asset516, asset258 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset516)+len(asset258))
	out = append(out, asset516...)
	for _, r := range asset258 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset518 is asset number 518 of the chain.
//
//asset: group=g8
func Asset518(ctx context.Context, asset517, asset259 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset517)+len(asset259))
	out = append(out, asset517...)
	for _, r := range asset259 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset519 is asset number 519 of the chain.
//
//asset: group=g9
func Asset519(ctx context.Context, asset518, asset259 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset518)+len(asset259))
	out = append(out, asset518...)
	for _, r := range asset259 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset520 is asset number 520 of the chain.
//
//asset: group=g0
func Asset520(ctx context.Context, asset519, asset260 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset519)+len(asset260))
	out = append(out, asset519...)
	for _, r := range asset260 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset521 is asset number 521 of the chain.
//
//asset: group=g1
func Asset521(ctx context.Context, asset520, asset260 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset520)+len(asset260))
	out = append(out, asset520...)
	for _, r := range asset260 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset522 is asset number 522 of the chain.
//
//asset: group=g2
func Asset522(ctx context.Context, asset521, asset261 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset521)+len(asset261))
	out = append(out, asset521...)
	for _, r := range asset261 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset523 is asset number 523 of the chain.
//
//asset: group=g3
func Asset523(ctx context.Context, asset522, asset261 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset522)+len(asset261))
	out = append(out, asset522...)
	for _, r := range asset261 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset524 is asset number 524 of the chain.
//
//asset: group=g4
func Asset524(ctx context.Context, asset523, asset262 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset523)+len(asset262))
	out = append(out, asset523...)
	for _, r := range asset262 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset525 is asset number 525 of the chain.
//
//asset: group=g5
func Asset525(ctx context.Context, asset524, asset262 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset524)+len(asset262))
	out = append(out, asset524...)
	for _, r := range asset262 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset526 is asset number 526 of the chain.
//
//asset: group=g6
func Asset526(ctx context.Context, asset525, asset263 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset525)+len(asset263))
	out = append(out, asset525...)
	for _, r := range asset263 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset527 is asset number 527 of the chain.
//
//asset: group=g7
func Asset527(ctx context.Context, asset526, asset263 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset526)+len(asset263))
	out = append(out, asset526...)
	for _, r := range asset263 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset528 is asset number 528 of the chain.
//
//asset: group=g8
func Asset528(ctx context.Context, asset527, asset264 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset527)+len(asset264))
	out = append(out, asset527...)
	for _, r := range asset264 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset529 is asset number 529 of the chain.
//
//asset: group=g9
func Asset529(ctx context.Context, asset528, asset264 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset528)+len(asset264))
	out = append(out, asset528...)
	for _, r := range asset264 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset530 is asset number 530 of the chain.
//
//asset: group=g0
func Asset530(ctx context.Context, asset529, asset265 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset529)+len(asset265))
	out = append(out, asset529...)
	for _, r := range asset265 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset531 is asset number 531 of the chain.
//
//asset: group=g1
func Asset531(ctx context.Context, asset530, asset265 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset530)+len(asset265))
	out = append(out, asset530...)
	for _, r := range asset265 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset532 is asset number 532 of the chain.
//
//asset: group=g2
func Asset532(ctx context.Context, asset531, asset266 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset531)+len(asset266))
	out = append(out, asset531...)
	for _, r := range asset266 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset533 is asset number 533 of the chain.
//
//asset: group=g3
func Asset533(ctx context.Context, asset532, asset266 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset532)+len(asset266))
	out = append(out, asset532...)
	for _, r := range asset266 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset534 is asset number 534 of the chain.
//
//asset: group=g4
func Asset534(ctx context.Context, asset533, asset267 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset533)+len(asset267))
	out = append(out, asset533...)
	for _, r := range asset267 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset535 is asset number 535 of the chain.
//
//asset: group=g5
func Asset535(ctx context.Context, asset534, asset267 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset534)+len(asset267))
	out = append(out, asset534...)
	for _, r := range asset267 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset536 is asset number 536 of the chain.
//
//asset: group=g6
func Asset536(ctx context.Context, asset535, asset268 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset535)+len(asset268))
	out = append(out, asset535...)
	for _, r := range asset268 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset537 is asset number 537 of the chain.
//
//asset: group=g7
func Asset537(ctx context.Context, asset536, asset268 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset536)+len(asset268))
	out = append(out, asset536...)
	for _, r := range asset268 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset538 is asset number 538 of the chain.
//
//asset: group=g8
func Asset538(ctx context.Context, asset537, asset269 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset537)+len(asset269))
	out = append(out, asset537...)
	for _, r := range asset269 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset539 is asset number 539 of the chain.
//
//asset: group=g9
func Asset539(ctx context.Context, asset538, asset269 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset538)+len(asset269))
	out = append(out, asset538...)
	for _, r := range asset269 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset540 is asset number 540 of the chain.
//
//asset: group=g0
func Asset540(ctx context.Context, asset539, asset270 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset539)+len(asset270))
	out = append(out, asset539...)
	for _, r := range asset270 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset541 is asset number 541 of the chain.
//
//asset: group=g1
func Asset541(ctx context.Context, asset540, asset270 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset540)+len(asset270))
	out = append(out, asset540...)
	for _, r := range asset270 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset542 is asset number 542 of the chain.
//
//asset: group=g2
func Asset542(ctx context.Context, asset541, asset271 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset541)+len(asset271))
	out = append(out, asset541...)
	for _, r := range asset271 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset543 is asset number 543 of the chain.
//
//asset: group=g3
func Asset543(ctx context.Context, asset542, asset271 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset542)+len(asset271))
	out = append(out, asset542...)
	for _, r := range asset271 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset544 is asset number 544 of the chain.
//
//asset: group=g4
func Asset544(ctx context.Context, asset543, asset272 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset543)+len(asset272))
	out = append(out, asset543...)
	for _, r := range asset272 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset545 is asset number 545 of the chain.
//
//asset: group=g5
func Asset545(ctx context.Context, asset544, asset272 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset544)+len(asset272))
	out = append(out, asset544...)
	for _, r := range asset272 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset546 is asset number 546 of the chain.
//
//asset: group=g6
func Asset546(ctx context.Context, asset545, asset273 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset545)+len(asset273))
	out = append(out, asset545...)
	for _, r := range asset273 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset547 is asset number 547 of the chain.
//
//asset: group=g7
func Asset547(ctx context.Context, asset546, asset273 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset546)+len(asset273))
	out = append(out, asset546...)
	for _, r := range asset273 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset548 is asset number 548 of the chain.
//
//asset: group=g8
func Asset548(ctx context.Context, asset547, asset274 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset547)+len(asset274))
	out = append(out, asset547...)
	for _, r := range asset274 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset549 is asset number 549 of the chain.
//
//asset: group=g9
func Asset549(ctx context.Context, asset548, asset274 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset548)+len(asset274))
	out = append(out, asset548...)
	for _, r := range asset274 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset550 is asset number 550 of the chain.
//
//asset: group=g0
func Asset550(ctx context.Context, asset549, asset275 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset549)+len(asset275))
	out = append(out, asset549...)
	for _, r := range asset275 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset551 is asset number 551 of the chain.
//
//asset: group=g1
func Asset551(ctx context.Context, asset550, asset275 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset550)+len(asset275))
	out = append(out, asset550...)
	for _, r := range asset275 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset552 is asset number 552 of the chain.
//
//asset: group=g2
func Asset552(ctx context.Context, asset551, asset276 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset551)+len(asset276))
	out = append(out, asset551...)
	for _, r := range asset276 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset553 is asset number 553 of the chain.
//
//asset: group=g3
func Asset553(ctx context.Context, asset552, asset276 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset552)+len(asset276))
	out = append(out, asset552...)
	for _, r := range asset276 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset554 is asset number 554 of the chain.
//
//asset: group=g4
func Asset554(ctx context.Context, asset553, asset277 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset553)+len(asset277))
	out = append(out, asset553...)
	for _, r := range asset277 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset555 is asset number 555 of the chain.
//
//asset: group=g5
func Asset555(ctx context.Context, asset554, asset277 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset554)+len(asset277))
	out = append(out, asset554...)
	for _, r := range asset277 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset556 is asset number 556 of the chain.
//
//asset: group=g6
func Asset556(ctx context.Context, asset555, asset278 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset555)+len(asset278))
	out = append(out, asset555...)
	for _, r := range asset278 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset557 is asset number 557 of the chain.
//
//asset: group=g7
func Asset557(ctx context.Context, asset556, asset278 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset556)+len(asset278))
	out = append(out, asset556...)
	for _, r := range asset278 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset558 is asset number 558 of the chain.
//
//asset: group=g8
func Asset558(ctx context.Context, asset557, asset279 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset557)+len(asset279))
	out = append(out, asset557...)
	for _, r := range asset279 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset559 is asset number 559 of the chain.
//
//asset: group=g9
func Asset559(ctx context.Context, asset558, asset279 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset558)+len(asset279))
	out = append(out, asset558...)
	for _, r := range asset279 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset560 is asset number 560 of the chain.
//
//asset: group=g0
func Asset560(ctx context.Context, asset559, asset280 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset559)+len(asset280))
	out = append(out, asset559...)
	for _, r := range asset280 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset561 is asset number 561 of the chain.
//
//asset: group=g1
func Asset561(ctx context.Context, asset560, asset280 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset560)+len(asset280))
	out = append(out, asset560...)
	for _, r := range asset280 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset562 is asset number 562 of the chain.
//
//asset: group=g2
func Asset562(ctx context.Context, asset561, asset281 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset561)+len(asset281))
	out = append(out, asset561...)
	for _, r := range asset281 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset563 is asset number 563 of the chain.
//
//asset: group=g3
func Asset563(ctx context.Context, asset562, asset281 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset562)+len(asset281))
	out = append(out, asset562...)
	for _, r := range asset281 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset564 is asset number 564 of the chain.
//
//asset: group=g4
func Asset564(ctx context.Context, asset563, asset282 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset563)+len(asset282))
	out = append(out, asset563...)
	for _, r := range asset282 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset565 is asset number 565 of the chain.
//
//asset: group=g5
func Asset565(ctx context.Context, asset564, asset282 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset564)+len(asset282))
	out = append(out, asset564...)
	for _, r := range asset282 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset566 is asset number 566 of the chain.
//
//asset: group=g6
func Asset566(ctx context.Context, asset565, asset283 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset565)+len(asset283))
	out = append(out, asset565...)
	for _, r := range asset283 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset567 is asset number 567 of the chain.
//
//asset: group=g7
func Asset567(ctx context.Context, asset566, asset283 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset566)+len(asset283))
	out = append(out, asset566...)
	for _, r := range asset283 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset568 is asset number 568 of the chain.
//
//asset: group=g8
func Asset568(ctx context.Context, asset567, asset284 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset567)+len(asset284))
	out = append(out, asset567...)
	for _, r := range asset284 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset569 is asset number 569 of the chain.
//
//asset: group=g9
func Asset569(ctx context.Context, asset568, asset284 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset568)+len(asset284))
	out = append(out, asset568...)
	for _, r := range asset284 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset570 is asset number 570 of the chain.
//
//asset: group=g0
func Asset570(ctx context.Context, asset569, asset285 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset569)+len(asset285))
	out = append(out, asset569...)
	for _, r := range asset285 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset571 is asset number 571 of the chain.
//
//asset: group=g1
func Asset571(ctx context.Context, asset570, asset285 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset570)+len(asset285))
	out = append(out, asset570...)
	for _, r := range asset285 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset572 is asset number 572 of the chain.
//
//asset: group=g2
func Asset572(ctx context.Context, asset571, asset286 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset571)+len(asset286))
	out = append(out, asset571...)
	for _, r := range asset286 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset573 is asset number 573 of the chain.
//
//asset: group=g3
func Asset573(ctx context.Context, asset572, asset286 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset572)+len(asset286))
	out = append(out, asset572...)
	for _, r := range asset286 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset574 is asset number 574 of the chain.
//
//asset: group=g4
func Asset574(ctx context.Context, asset573, asset287 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset573)+len(asset287))
	out = append(out, asset573...)
	for _, r := range asset287 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset575 is asset number 575 of the chain.
//
//asset: group=g5
func Asset575(ctx context.Context, asset574, asset287 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset574)+len(asset287))
	out = append(out, asset574...)
	for _, r := range asset287 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset576 is asset number 576 of the chain.
//
//asset: group=g6
func Asset576(ctx context.Context, asset575, asset288 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset575)+len(asset288))
	out = append(out, asset575...)
	for _, r := range asset288 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset577 is asset number 577 of the chain.
//
//asset: group=g7
func Asset577(ctx context.Context, asset576, asset288 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset576)+len(asset288))
	out = append(out, asset576...)
	for _, r := range asset288 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset578 is asset number 578 of the chain.
//
//asset: group=g8
func Asset578(ctx context.Context, asset577, asset289 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset577)+len(asset289))
	out = append(out, asset577...)
	for _, r := range asset289 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset579 is asset number 579 of the chain.
//
//asset: group=g9
func Asset579(ctx context.Context, asset578, asset289 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset578)+len(asset289))
	out = append(out, asset578...)
	for _, r := range asset289 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset580 is asset number 580 of the chain.
//
//asset: group=g0
func Asset580(ctx context.Context, asset579, asset290 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset579)+len(asset290))
	out = append(out, asset579...)
	for _, r := range asset290 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset581 is asset number 581 of the chain.
//
//asset: group=g1
func Asset581(ctx context.Context, asset580, asset290 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset580)+len(asset290))
	out = append(out, asset580...)
	for _, r := range asset290 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset582 is asset number 582 of the chain.
//
//asset: group=g2
func Asset582(ctx context.Context, asset581, asset291 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset581)+len(asset291))
	out = append(out, asset581...)
	for _, r := range asset291 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset583 is asset number 583 of the chain.
//
//asset: group=g3
func Asset583(ctx context.Context, asset582, asset291 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset582)+len(asset291))
	out = append(out, asset582...)
	for _, r := range asset291 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset584 is asset number 584 of the chain.
//
//asset: group=g4
func Asset584(ctx context.Context, asset583, asset292 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset583)+len(asset292))
	out = append(out, asset583...)
	for _, r := range asset292 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset585 is asset number 585 of the chain.
//
//asset: group=g5
func Asset585(ctx context.Context, asset584, asset292 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset584)+len(asset292))
	out = append(out, asset584...)
	for _, r := range asset292 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset586 is asset number 586 of the chain.
//
//asset: group=g6
func Asset586(ctx context.Context, asset585, asset293 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset585)+len(asset293))
	out = append(out, asset585...)
	for _, r := range asset293 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset587 is asset number 587 of the chain.
//
//asset: group=g7
func Asset587(ctx context.Context, asset586, asset293 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset586)+len(asset293))
	out = append(out, asset586...)
	for _, r := range asset293 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset588 is asset number 588 of the chain.
//
//asset: group=g8
func Asset588(ctx context.Context, asset587, asset294 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset587)+len(asset294))
	out = append(out, asset587...)
	for _, r := range asset294 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset589 is asset number 589 of the chain.
//
//asset: group=g9
func Asset589(ctx context.Context, asset588, asset294 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset588)+len(asset294))
	out = append(out, asset588...)
	for _, r := range asset294 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset590 is asset number 590 of the chain.
//
//asset: group=g0
func Asset590(ctx context.Context, asset589, asset295 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset589)+len(asset295))
	out = append(out, asset589...)
	for _, r := range asset295 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset591 is asset number 591 of the chain.
//
//asset: group=g1
func Asset591(ctx context.Context, asset590, asset295 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset590)+len(asset295))
	out = append(out, asset590...)
	for _, r := range asset295 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset592 is asset number 592 of the chain.
//
//asset: group=g2
func Asset592(ctx context.Context, asset591, asset296 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset591)+len(asset296))
	out = append(out, asset591...)
	for _, r := range asset296 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset593 is asset number 593 of the chain.
//
//asset: group=g3
func Asset593(ctx context.Context, asset592, asset296 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset592)+len(asset296))
	out = append(out, asset592...)
	for _, r := range asset296 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset594 is asset number 594 of the chain.
//
//asset: group=g4
func Asset594(ctx context.Context, asset593, asset297 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset593)+len(asset297))
	out = append(out, asset593...)
	for _, r := range asset297 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset595 is asset number 595 of the chain.
//
//asset: group=g5
func Asset595(ctx context.Context, asset594, asset297 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset594)+len(asset297))
	out = append(out, asset594...)
	for _, r := range asset297 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset596 is asset number 596 of the chain.
//
//asset: group=g6
func Asset596(ctx context.Context, asset595, asset298 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset595)+len(asset298))
	out = append(out, asset595...)
	for _, r := range asset298 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset597 is asset number 597 of the chain.
//
//asset: group=g7
func Asset597(ctx context.Context, asset596, asset298 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset596)+len(asset298))
	out = append(out, asset596...)
	for _, r := range asset298 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset598 is asset number 598 of the chain.
//
//asset: group=g8
func Asset598(ctx context.Context, asset597, asset299 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset597)+len(asset299))
	out = append(out, asset597...)
	for _, r := range asset299 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset599 is asset number 599 of the chain.
//
//asset: group=g9
func Asset599(ctx context.Context, asset598, asset299 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset598)+len(asset299))
	out = append(out, asset598...)
	for _, r := range asset299 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset600 is asset number 600 of the chain.
//
//asset: group=g0
func Asset600(ctx context.Context, asset599, asset300 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset599)+len(asset300))
	out = append(out, asset599...)
	for _, r := range asset300 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset601 is asset number 601 of the chain.
//
//asset: group=g1
func Asset601(ctx context.Context, asset600, asset300 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset600)+len(asset300))
	out = append(out, asset600...)
	for _, r := range asset300 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset602 is asset number 602 of the chain.
//
//asset: group=g2
func Asset602(ctx context.Context, asset601, asset301 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset601)+len(asset301))
	out = append(out, asset601...)
	for _, r := range asset301 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset603 is asset number 603 of the chain.
//
//asset: group=g3
func Asset603(ctx context.Context, asset602, asset301 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset602)+len(asset301))
	out = append(out, asset602...)
	for _, r := range asset301 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset604 is asset number 604 of the chain.
//
//asset: group=g4
func Asset604(ctx context.Context, asset603, asset302 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset603)+len(asset302))
	out = append(out, asset603...)
	for _, r := range asset302 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset605 is asset number 605 of the chain.
//
//asset: group=g5
func Asset605(ctx context.Context, asset604, asset302 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset604)+len(asset302))
	out = append(out, asset604...)
	for _, r := range asset302 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset606 is asset number 606 of the chain.
//
//asset: group=g6
func Asset606(ctx context.Context, asset605, asset303 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset605)+len(asset303))
	out = append(out, asset605...)
	for _, r := range asset303 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset607 is asset number 607 of the chain.
//
//asset: group=g7
func Asset607(ctx context.Context, asset606, asset303 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset606)+len(asset303))
	out = append(out, asset606...)
	for _, r := range asset303 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset608 is asset number 608 of the chain.
//
//asset: group=g8
func Asset608(ctx context.Context, asset607, asset304 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset607)+len(asset304))
	out = append(out, asset607...)
	for _, r := range asset304 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset609 is asset number 609 of the chain.
//
//asset: group=g9
func Asset609(ctx context.Context, asset608, asset304 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset608)+len(asset304))
	out = append(out, asset608...)
	for _, r := range asset304 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset610 is asset number 610 of the chain.
//
//asset: group=g0
func Asset610(ctx context.Context, asset609, asset305 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset609)+len(asset305))
	out = append(out, asset609...)
	for _, r := range asset305 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset611 is asset number 611 of the chain.
//
//asset: group=g1
func Asset611(ctx context.Context, asset610, asset305 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset610)+len(asset305))
	out = append(out, asset610...)
	for _, r := range asset305 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset612 is asset number 612 of the chain.
//
//asset: group=g2
func Asset612(ctx context.Context, asset611, asset306 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset611)+len(asset306))
	out = append(out, asset611...)
	for _, r := range asset306 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset613 is asset number 613 of the chain.
//
//asset: group=g3
func Asset613(ctx context.Context, asset612, asset306 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset612)+len(asset306))
	out = append(out, asset612...)
	for _, r := range asset306 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset614 is asset number 614 of the chain.
//
//asset: group=g4
func Asset614(ctx context.Context, asset613, asset307 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset613)+len(asset307))
	out = append(out, asset613...)
	for _, r := range asset307 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset615 is asset number 615 of the chain.
//
//asset: group=g5
func Asset615(ctx context.Context, asset614, asset307 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset614)+len(asset307))
	out = append(out, asset614...)
	for _, r := range asset307 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset616 is asset number 616 of the chain.
//
//asset: group=g6
func Asset616(ctx context.Context, asset615, asset308 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset615)+len(asset308))
	out = append(out, asset615...)
	for _, r := range asset308 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset617 is asset number 617 of the chain.
//
//asset: group=g7
func Asset617(ctx context.Context, asset616, asset308 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset616)+len(asset308))
	out = append(out, asset616...)
	for _, r := range asset308 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset618 is asset number 618 of the chain.
//
//asset: group=g8
func Asset618(ctx context.Context, asset617, asset309 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset617)+len(asset309))
	out = append(out, asset617...)
	for _, r := range asset309 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset619 is asset number 619 of the chain.
//
//asset: group=g9
func Asset619(ctx context.Context, asset618, asset309 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset618)+len(asset309))
	out = append(out, asset618...)
	for _, r := range asset309 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset620 is asset number 620 of the chain.
//
//asset: group=g0
func Asset620(ctx context.Context, asset619, asset310 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset619)+len(asset310))
	out = append(out, asset619...)
	for _, r := range asset310 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset621 is asset number 621 of the chain.
//
//asset: group=g1
func Asset621(ctx context.Context, asset620, asset310 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset620)+len(asset310))
	out = append(out, asset620...)
	for _, r := range asset310 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset622 is asset number 622 of the chain.
//
//asset: group=g2
func Asset622(ctx context.Context, asset621, asset311 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset621)+len(asset311))
	out = append(out, asset621...)
	for _, r := range asset311 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset623 is asset number 623 of the chain.
//
//asset: group=g3
func Asset623(ctx context.Context, asset622, asset311 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset622)+len(asset311))
	out = append(out, asset622...)
	for _, r := range asset311 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset624 is asset number 624 of the chain.
//
//asset: group=g4
func Asset624(ctx context.Context, asset623, asset312 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset623)+len(asset312))
	out = append(out, asset623...)
	for _, r := range asset312 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset625 is asset number 625 of the chain.
//
//asset: group=g5
func Asset625(ctx context.Context, asset624, asset312 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset624)+len(asset312))
	out = append(out, asset624...)
	for _, r := range asset312 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset626 is asset number 626 of the chain.
//
//asset: group=g6
func Asset626(ctx context.Context, asset625, asset313 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset625)+len(asset313))
	out = append(out, asset625...)
	for _, r := range asset313 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset627 is asset number 627 of the chain.
//
//asset: group=g7
func Asset627(ctx context.Context, asset626, asset313 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset626)+len(asset313))
	out = append(out, asset626...)
	for _, r := range asset313 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset628 is asset number 628 of the chain.
//
//asset: group=g8
func Asset628(ctx context.Context, asset627, asset314 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset627)+len(asset314))
	out = append(out, asset627...)
	for _, r := range asset314 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset629 is asset number 629 of the chain.
//
//asset: group=g9
func Asset629(ctx context.Context, asset628, asset314 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset628)+len(asset314))
	out = append(out, asset628...)
	for _, r := range asset314 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset630 is asset number 630 of the chain.
//
//asset: group=g0
func Asset630(ctx context.Context, asset629, asset315 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset629)+len(asset315))
	out = append(out, asset629...)
	for _, r := range asset315 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset631 is asset number 631 of the chain.
//
//asset: group=g1
func Asset631(ctx context.Context, asset630, asset315 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset630)+len(asset315))
	out = append(out, asset630...)
	for _, r := range asset315 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset632 is asset number 632 of the chain.
//
//asset: group=g2
func Asset632(ctx context.Context, asset631, asset316 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset631)+len(asset316))
	out = append(out, asset631...)
	for _, r := range asset316 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset633 is asset number 633 of the chain.
//
//asset: group=g3
func Asset633(ctx context.Context, asset632, asset316 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset632)+len(asset316))
	out = append(out, asset632...)
	for _, r := range asset316 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset634 is asset number 634 of the chain.
//
//asset: group=g4
func Asset634(ctx context.Context, asset633, asset317 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset633)+len(asset317))
	out = append(out, asset633...)
	for _, r := range asset317 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset635 is asset number 635 of the chain.
//
//asset: group=g5
func Asset635(ctx context.Context, asset634, asset317 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset634)+len(asset317))
	out = append(out, asset634...)
	for _, r := range asset317 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset636 is asset number 636 of the chain.
//
//asset: group=g6
func Asset636(ctx context.Context, asset635, asset318 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset635)+len(asset318))
	out = append(out, asset635...)
	for _, r := range asset318 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset637 is asset number 637 of the chain.
//
//asset: group=g7
func Asset637(ctx context.Context, asset636, asset318 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset636)+len(asset318))
	out = append(out, asset636...)
	for _, r := range asset318 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset638 is asset number 638 of the chain.
//
//asset: group=g8
func Asset638(ctx context.Context, asset637, asset319 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset637)+len(asset319))
	out = append(out, asset637...)
	for _, r := range asset319 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset639 is asset number 639 of the chain.
//
//asset: group=g9
func Asset639(ctx context.Context, asset638, asset319 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset638)+len(asset319))
	out = append(out, asset638...)
	for _, r := range asset319 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset640 is asset number 640 of the chain.
//
//asset: group=g0
func Asset640(ctx context.Context, asset639, asset320 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset639)+len(asset320))
	out = append(out, asset639...)
	for _, r := range asset320 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset641 is asset number 641 of the chain.
//
//asset: group=g1
func Asset641(ctx context.Context, asset640, asset320 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset640)+len(asset320))
	out = append(out, asset640...)
	for _, r := range asset320 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset642 is asset number 642 of the chain.
//
//asset: group=g2
func Asset642(ctx context.Context, asset641, asset321 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset641)+len(asset321))
	out = append(out, asset641...)
	for _, r := range asset321 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset643 is asset number 643 of the chain.
//
//asset: group=g3
func Asset643(ctx context.Context, asset642, asset321 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset642)+len(asset321))
	out = append(out, asset642...)
	for _, r := range asset321 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset644 is asset number 644 of the chain.
//
//asset: group=g4
func Asset644(ctx context.Context, asset643, asset322 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset643)+len(asset322))
	out = append(out, asset643...)
	for _, r := range asset322 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset645 is asset number 645 of the chain.
//
//asset: group=g5
func Asset645(ctx context.Context, asset644, asset322 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset644)+len(asset322))
	out = append(out, asset644...)
	for _, r := range asset322 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset646 is asset number 646 of the chain.
//
//asset: group=g6
func Asset646(ctx context.Context, asset645, asset323 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset645)+len(asset323))
	out = append(out, asset645...)
	for _, r := range asset323 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset647 is asset number 647 of the chain.
//
//asset: group=g7
func Asset647(ctx context.Context, asset646, asset323 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset646)+len(asset323))
	out = append(out, asset646...)
	for _, r := range asset323 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset648 is asset number 648 of the chain.
//
//asset: group=g8
func Asset648(ctx context.Context, asset647, asset324 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset647)+len(asset324))
	out = append(out, asset647...)
	for _, r := range asset324 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset649 is asset number 649 of the chain.
//
//asset: group=g9
func Asset649(ctx context.Context, asset648, asset324 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset648)+len(asset324))
	out = append(out, asset648...)
	for _, r := range asset324 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset650 is asset number 650 of the chain.
//
//asset: group=g0
func Asset650(ctx context.Context, asset649, asset325 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset649)+len(asset325))
	out = append(out, asset649...)
	for _, r := range asset325 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset651 is asset number 651 of the chain.
//
//asset: group=g1
func Asset651(ctx context.Context, asset650, asset325 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset650)+len(asset325))
	out = append(out, asset650...)
	for _, r := range asset325 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset652 is asset number 652 of the chain.
//
//asset: group=g2
func Asset652(ctx context.Context, asset651, asset326 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset651)+len(asset326))
	out = append(out, asset651...)
	for _, r := range asset326 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset653 is asset number 653 of the chain.
//
//asset: group=g3
func Asset653(ctx context.Context, asset652, asset326 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset652)+len(asset326))
	out = append(out, asset652...)
	for _, r := range asset326 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset654 is asset number 654 of the chain.
//
//asset: group=g4
func Asset654(ctx context.Context, asset653, asset327 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset653)+len(asset327))
	out = append(out, asset653...)
	for _, r := range asset327 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset655 is asset number 655 of the chain.
//
//asset: group=g5
func Asset655(ctx context.Context, asset654, asset327 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset654)+len(asset327))
	out = append(out, asset654...)
	for _, r := range asset327 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset656 is asset number 656 of the chain.
//
//asset: group=g6
func Asset656(ctx context.Context, asset655, asset328 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset655)+len(asset328))
	out = append(out, asset655...)
	for _, r := range asset328 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset657 is asset number 657 of the chain.
//
//asset: group=g7
func Asset657(ctx context.Context, asset656, asset328 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset656)+len(asset328))
	out = append(out, asset656...)
	for _, r := range asset328 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset658 is asset number 658 of the chain.
//
//asset: group=g8
func Asset658(ctx context.Context, asset657, asset329 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset657)+len(asset329))
	out = append(out, asset657...)
	for _, r := range asset329 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset659 is asset number 659 of the chain.
//
//asset: group=g9
func Asset659(ctx context.Context, asset658, asset329 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset658)+len(asset329))
	out = append(out, asset658...)
	for _, r := range asset329 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset660 is asset number 660 of the chain.
//
//asset: group=g0
func Asset660(ctx context.Context, asset659, asset330 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset659)+len(asset330))
	out = append(out, asset659...)
	for _, r := range asset330 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset661 is asset number 661 of the chain.
//
//asset: group=g1
func Asset661(ctx context.Context, asset660, asset330 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset660)+len(asset330))
	out = append(out, asset660...)
	for _, r := range asset330 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset662 is asset number 662 of the chain.
//
//asset: group=g2
func Asset662(ctx context.Context, asset661, asset331 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset661)+len(asset331))
	out = append(out, asset661...)
	for _, r := range asset331 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset663 is asset number 663 of the chain.
//
//asset: group=g3
func Asset663(ctx context.Context, asset662, asset331 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset662)+len(asset331))
	out = append(out, asset662...)
	for _, r := range asset331 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset664 is asset number 664 of the chain.
//
//asset: group=g4
func Asset664(ctx context.Context, asset663, asset332 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset663)+len(asset332))
	out = append(out, asset663...)
	for _, r := range asset332 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset665 is asset number 665 of the chain.
//
//asset: group=g5
func Asset665(ctx context.Context, asset664, asset332 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset664)+len(asset332))
	out = append(out, asset664...)
	for _, r := range asset332 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset666 is asset number 666 of the chain.
//
//asset: group=g6
func Asset666(ctx context.Context, asset665, asset333 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset665)+len(asset333))
	out = append(out, asset665...)
	for _, r := range asset333 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset667 is asset number 667 of the chain.
//
//asset: group=g7
func Asset667(ctx context.Context, asset666, asset333 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset666)+len(asset333))
	out = append(out, asset666...)
	for _, r := range asset333 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset668 is asset number 668 of the chain.
//
//asset: group=g8
func Asset668(ctx context.Context, asset667, asset334 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset667)+len(asset334))
	out = append(out, asset667...)
	for _, r := range asset334 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset669 is asset number 669 of the chain.
//
//asset: group=g9
func Asset669(ctx context.Context, asset668, asset334 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset668)+len(asset334))
	out = append(out, asset668...)
	for _, r := range asset334 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset670 is asset number 670 of the chain.
//
//asset: group=g0
func Asset670(ctx context.Context, asset669, asset335 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset669)+len(asset335))
	out = append(out, asset669...)
	for _, r := range asset335 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset671 is asset number 671 of the chain.
//
//asset: group=g1
func Asset671(ctx context.Context, asset670, asset335 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset670)+len(asset335))
	out = append(out, asset670...)
	for _, r := range asset335 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset672 is asset number 672 of the chain.
//
//asset: group=g2
func Asset672(ctx context.Context, asset671, asset336 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset671)+len(asset336))
	out = append(out, asset671...)
	for _, r := range asset336 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset673 is asset number 673 of the chain.
//
//asset: group=g3
func Asset673(ctx context.Context, asset672, asset336 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset672)+len(asset336))
	out = append(out, asset672...)
	for _, r := range asset336 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset674 is asset number 674 of the chain.
//
//asset: group=g4
func Asset674(ctx context.Context, asset673, asset337 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset673)+len(asset337))
	out = append(out, asset673...)
	for _, r := range asset337 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset675 is asset number 675 of the chain.
//
//asset: group=g5
func Asset675(ctx context.Context, asset674, asset337 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset674)+len(asset337))
	out = append(out, asset674...)
	for _, r := range asset337 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset676 is asset number 676 of the chain.
//
//asset: group=g6
func Asset676(ctx context.Context, asset675, asset338 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset675)+len(asset338))
	out = append(out, asset675...)
	for _, r := range asset338 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset677 is asset number 677 of the chain.
//
//asset: group=g7
func Asset677(ctx context.Context, asset676, asset338 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset676)+len(asset338))
	out = append(out, asset676...)
	for _, r := range asset338 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset678 is asset number 678 of the chain.
//
//asset: group=g8
func Asset678(ctx context.Context, asset677, asset339 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset677)+len(asset339))
	out = append(out, asset677...)
	for _, r := range asset339 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset679 is asset number 679 of the chain.
//
//asset: group=g9
func Asset679(ctx context.Context, asset678, asset339 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset678)+len(asset339))
	out = append(out, asset678...)
	for _, r := range asset339 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset680 is asset number 680 of the chain.
//
//asset: group=g0
func Asset680(ctx context.Context, asset679, asset340 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset679)+len(asset340))
	out = append(out, asset679...)
	for _, r := range asset340 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset681 is asset number 681 of the chain.
//
//asset: group=g1
func Asset681(ctx context.Context, asset680, asset340 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset680)+len(asset340))
	out = append(out, asset680...)
	for _, r := range asset340 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset682 is asset number 682 of the chain.
//
//asset: group=g2
func Asset682(ctx context.Context, asset681, asset341 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset681)+len(asset341))
	out = append(out, asset681...)
	for _, r := range asset341 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset683 is asset number 683 of the chain.
//
//asset: group=g3
func Asset683(ctx context.Context, asset682, asset341 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset682)+len(asset341))
	out = append(out, asset682...)
	for _, r := range asset341 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset684 is asset number 684 of the chain.
//
//asset: group=g4
func Asset684(ctx context.Context, asset683, asset342 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset683)+len(asset342))
	out = append(out, asset683...)
	for _, r := range asset342 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset685 is asset number 685 of the chain.
//
//asset: group=g5
func Asset685(ctx context.Context, asset684, asset342 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset684)+len(asset342))
	out = append(out, asset684...)
	for _, r := range asset342 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset686 is asset number 686 of the chain.
//
//asset: group=g6
func Asset686(ctx context.Context, asset685, asset343 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset685)+len(asset343))
	out = append(out, asset685...)
	for _, r := range asset343 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset687 is asset number 687 of the chain.
//
//asset: group=g7
func Asset687(ctx context.Context, asset686, asset343 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset686)+len(asset343))
	out = append(out, asset686...)
	for _, r := range asset343 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset688 is asset number 688 of the chain.
//
//asset: group=g8
func Asset688(ctx context.Context, asset687, asset344 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset687)+len(asset344))
	out = append(out, asset687...)
	for _, r := range asset344 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset689 is asset number 689 of the chain.
//
//asset: group=g9
func Asset689(ctx context.Context, asset688, asset344 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset688)+len(asset344))
	out = append(out, asset688...)
	for _, r := range asset344 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset690 is asset number 690 of the chain.
//
//asset: group=g0
func Asset690(ctx context.Context, asset689, asset345 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset689)+len(asset345))
	out = append(out, asset689...)
	for _, r := range asset345 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset691 is asset number 691 of the chain.
//
//asset: group=g1
func Asset691(ctx context.Context, asset690, asset345 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset690)+len(asset345))
	out = append(out, asset690...)
	for _, r := range asset345 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset692 is asset number 692 of the chain.
//
//asset: group=g2
func Asset692(ctx context.Context, asset691, asset346 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset691)+len(asset346))
	out = append(out, asset691...)
	for _, r := range asset346 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset693 is asset number 693 of the chain.
//
//asset: group=g3
func Asset693(ctx context.Context, asset692, asset346 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset692)+len(asset346))
	out = append(out, asset692...)
	for _, r := range asset346 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset694 is asset number 694 of the chain.
//
//asset: group=g4
func Asset694(ctx context.Context, asset693, asset347 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset693)+len(asset347))
	out = append(out, asset693...)
	for _, r := range asset347 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset695 is asset number 695 of the chain.
//
//asset: group=g5
func Asset695(ctx context.Context, asset694, asset347 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset694)+len(asset347))
	out = append(out, asset694...)
	for _, r := range asset347 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset696 is asset number 696 of the chain.
//
//asset: group=g6
func Asset696(ctx context.Context, asset695, asset348 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset695)+len(asset348))
	out = append(out, asset695...)
	for _, r := range asset348 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset697 is asset number 697 of the chain.
//
//asset: group=g7
func Asset697(ctx context.Context, asset696, asset348 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset696)+len(asset348))
	out = append(out, asset696...)
	for _, r := range asset348 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset698 is asset number 698 of the chain.
//
//asset: group=g8
func Asset698(ctx context.Context, asset697, asset349 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset697)+len(asset349))
	out = append(out, asset697...)
	for _, r := range asset349 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset699 is asset number 699 of the chain.
//
//asset: group=g9
func Asset699(ctx context.Context, asset698, asset349 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset698)+len(asset349))
	out = append(out, asset698...)
	for _, r := range asset349 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset700 is asset number 700 of the chain.
//
//asset: group=g0
func Asset700(ctx context.Context, asset699, asset350 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset699)+len(asset350))
	out = append(out, asset699...)
	for _, r := range asset350 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset701 is asset number 701 of the chain.
//
//asset: group=g1
func Asset701(ctx context.Context, asset700, asset350 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset700)+len(asset350))
	out = append(out, asset700...)
	for _, r := range asset350 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset702 is asset number 702 of the chain.
//
//asset: group=g2
func Asset702(ctx context.Context, asset701, asset351 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset701)+len(asset351))
	out = append(out, asset701...)
	for _, r := range asset351 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset703 is asset number 703 of the chain.
//
//asset: group=g3
func Asset703(ctx context.Context, asset702, asset351 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset702)+len(asset351))
	out = append(out, asset702...)
	for _, r := range asset351 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset704 is asset number 704 of the chain.
//
//asset: group=g4
func Asset704(ctx context.Context, asset703, asset352 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset703)+len(asset352))
	out = append(out, asset703...)
	for _, r := range asset352 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset705 is asset number 705 of the chain.
//
//asset: group=g5
func Asset705(ctx context.Context, asset704, asset352 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset704)+len(asset352))
	out = append(out, asset704...)
	for _, r := range asset352 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset706 is asset number 706 of the chain.
//
//asset: group=g6
func Asset706(ctx context.Context, asset705, asset353 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset705)+len(asset353))
	out = append(out, asset705...)
	for _, r := range asset353 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset707 is asset number 707 of the chain.
//
//asset: group=g7
func Asset707(ctx context.Context, asset706, asset353 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset706)+len(asset353))
	out = append(out, asset706...)
	for _, r := range asset353 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset708 is asset number 708 of the chain.
//
//asset: group=g8
func Asset708(ctx context.Context, asset707, asset354 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset707)+len(asset354))
	out = append(out, asset707...)
	for _, r := range asset354 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset709 is asset number 709 of the chain.
//
//asset: group=g9
func Asset709(ctx context.Context, asset708, asset354 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset708)+len(asset354))
	out = append(out, asset708...)
	for _, r := range asset354 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset710 is asset number 710 of the chain.
//
//asset: group=g0
func Asset710(ctx context.Context, asset709, asset355 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset709)+len(asset355))
	out = append(out, asset709...)
	for _, r := range asset355 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset711 is asset number 711 of the chain.
//
//asset: group=g1
func Asset711(ctx context.Context, asset710, asset355 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset710)+len(asset355))
	out = append(out, asset710...)
	for _, r := range asset355 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset712 is asset number 712 of the chain.
//
//asset: group=g2
func Asset712(ctx context.Context, asset711, asset356 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset711)+len(asset356))
	out = append(out, asset711...)
	for _, r := range asset356 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset713 is asset number 713 of the chain.
//
//asset: group=g3
func Asset713(ctx context.Context, asset712, asset356 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset712)+len(asset356))
	out = append(out, asset712...)
	for _, r := range asset356 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset714 is asset number 714 of the chain.
//
//asset: group=g4
func Asset714(ctx context.Context, asset713, asset357 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset713)+len(asset357))
	out = append(out, asset713...)
	for _, r := range asset357 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset715 is asset number 715 of the chain.
//
//asset: group=g5
func Asset715(ctx context.Context, asset714, asset357 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset714)+len(asset357))
	out = append(out, asset714...)
	for _, r := range asset357 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset716 is asset number 716 of the chain.
//
//asset: group=g6
func Asset716(ctx context.Context, asset715, asset358 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset715)+len(asset358))
	out = append(out, asset715...)
	for _, r := range asset358 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset717 is asset number 717 of the chain.
//
//asset: group=g7
func Asset717(ctx context.Context, asset716, asset358 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset716)+len(asset358))
	out = append(out, asset716...)
	for _, r := range asset358 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset718 is asset number 718 of the chain.
//
//asset: group=g8
func Asset718(ctx context.Context, asset717, asset359 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset717)+len(asset359))
	out = append(out, asset717...)
	for _, r := range asset359 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset719 is asset number 719 of the chain.
//
//asset: group=g9
func Asset719(ctx context.Context, asset718, asset359 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset718)+len(asset359))
	out = append(out, asset718...)
	for _, r := range asset359 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset720 is asset number 720 of the chain.
//
//asset: group=g0
func Asset720(ctx context.Context, asset719, asset360 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset719)+len(asset360))
	out = append(out, asset719...)
	for _, r := range asset360 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset721 is asset number 721 of the chain.
//
//asset: group=g1
func Asset721(ctx context.Context, asset720, asset360 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset720)+len(asset360))
	out = append(out, asset720...)
	for _, r := range asset360 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset722 is asset number 722 of the chain.
//
//asset: group=g2
func Asset722(ctx context.Context, asset721, asset361 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset721)+len(asset361))
	out = append(out, asset721...)
	for _, r := range asset361 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset723 is asset number 723 of the chain.
//
//asset: group=g3
func Asset723(ctx context.Context, asset722, asset361 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset722)+len(asset361))
	out = append(out, asset722...)
	for _, r := range asset361 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset724 is asset number 724 of the chain.
//
//asset: group=g4
func Asset724(ctx context.Context, asset723, asset362 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset723)+len(asset362))
	out = append(out, asset723...)
	for _, r := range asset362 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset725 is asset number 725 of the chain.
//
//asset: group=g5
func Asset725(ctx context.Context, asset724, asset362 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset724)+len(asset362))
	out = append(out, asset724...)
	for _, r := range asset362 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset726 is asset number 726 of the chain.
//
//asset: group=g6
func Asset726(ctx context.Context, asset725, asset363 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset725)+len(asset363))
	out = append(out, asset725...)
	for _, r := range asset363 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset727 is asset number 727 of the chain.
//
//asset: group=g7
func Asset727(ctx context.Context, asset726, asset363 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset726)+len(asset363))
	out = append(out, asset726...)
	for _, r := range asset363 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset728 is asset number 728 of the chain.
//
//asset: group=g8
func Asset728(ctx context.Context, asset727, asset364 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset727)+len(asset364))
	out = append(out, asset727...)
	for _, r := range asset364 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset729 is asset number 729 of the chain.
//
//asset: group=g9
func Asset729(ctx context.Context, asset728, asset364 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset728)+len(asset364))
	out = append(out, asset728...)
	for _, r := range asset364 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset730 is asset number 730 of the chain.
//
//asset: group=g0
func Asset730(ctx context.Context, asset729, asset365 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset729)+len(asset365))
	out = append(out, asset729...)
	for _, r := range asset365 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset731 is asset number 731 of the chain.
//
//asset: group=g1
func Asset731(ctx context.Context, asset730, asset365 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset730)+len(asset365))
	out = append(out, asset730...)
	for _, r := range asset365 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset732 is asset number 732 of the chain.
//
//asset: group=g2
func Asset732(ctx context.Context, asset731, asset366 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset731)+len(asset366))
	out = append(out, asset731...)
	for _, r := range asset366 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset733 is asset number 733 of the chain.
//
//asset: group=g3
func Asset733(ctx context.Context, asset732, asset366 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset732)+len(asset366))
	out = append(out, asset732...)
	for _, r := range asset366 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset734 is asset number 734 of the chain.
//
//asset: group=g4
func Asset734(ctx context.Context, asset733, asset367 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset733)+len(asset367))
	out = append(out, asset733...)
	for _, r := range asset367 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset735 is asset number 735 of the chain.
//
//asset: group=g5
func Asset735(ctx context.Context, asset734, asset367 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset734)+len(asset367))
	out = append(out, asset734...)
	for _, r := range asset367 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset736 is asset number 736 of the chain.
//
//asset: group=g6
func Asset736(ctx context.Context, asset735, asset368 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset735)+len(asset368))
	out = append(out, asset735...)
	for _, r := range asset368 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset737 is asset number 737 of the chain.
//
//asset: group=g7
func Asset737(ctx context.Context, asset736, asset368 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset736)+len(asset368))
	out = append(out, asset736...)
	for _, r := range asset368 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset738 is asset number 738 of the chain.
//
//asset: group=g8
func Asset738(ctx context.Context, asset737, asset369 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset737)+len(asset369))
	out = append(out, asset737...)
	for _, r := range asset369 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset739 is asset number 739 of the chain.
//
//asset: group=g9
func Asset739(ctx context.Context, asset738, asset369 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset738)+len(asset369))
	out = append(out, asset738...)
	for _, r := range asset369 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset740 is asset number 740 of the chain.
//
//asset: group=g0
func Asset740(ctx context.Context, asset739, asset370 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset739)+len(asset370))
	out = append(out, asset739...)
	for _, r := range asset370 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset741 is asset number 741 of the chain.
//
//asset: group=g1
func Asset741(ctx context.Context, asset740, asset370 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset740)+len(asset370))
	out = append(out, asset740...)
	for _, r := range asset370 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset742 is asset number 742 of the chain.
//
//asset: group=g2
func Asset742(ctx context.Context, asset741, asset371 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset741)+len(asset371))
	out = append(out, asset741...)
	for _, r := range asset371 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset743 is asset number 743 of the chain.
//
//asset: group=g3
func Asset743(ctx context.Context, asset742, asset371 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset742)+len(asset371))
	out = append(out, asset742...)
	for _, r := range asset371 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset744 is asset number 744 of the chain.
//
//asset: group=g4
func Asset744(ctx context.Context, asset743, asset372 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset743)+len(asset372))
	out = append(out, asset743...)
	for _, r := range asset372 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset745 is asset number 745 of the chain.
//
//asset: group=g5
func Asset745(ctx context.Context, asset744, asset372 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset744)+len(asset372))
	out = append(out, asset744...)
	for _, r := range asset372 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset746 is asset number 746 of the chain.
//
//asset: group=g6
func Asset746(ctx context.Context, asset745, asset373 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset745)+len(asset373))
	out = append(out, asset745...)
	for _, r := range asset373 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset747 is asset number 747 of the chain.
//
//asset: group=g7
func Asset747(ctx context.Context, asset746, asset373 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset746)+len(asset373))
	out = append(out, asset746...)
	for _, r := range asset373 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset748 is asset number 748 of the chain.
//
//asset: group=g8
func Asset748(ctx context.Context, asset747, asset374 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset747)+len(asset374))
	out = append(out, asset747...)
	for _, r := range asset374 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset749 is asset number 749 of the chain.
//
//asset: group=g9
func Asset749(ctx context.Context, asset748, asset374 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset748)+len(asset374))
	out = append(out, asset748...)
	for _, r := range asset374 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset750 is asset number 750 of the chain.
//
//asset: group=g0
func Asset750(ctx context.Context, asset749, asset375 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset749)+len(asset375))
	out = append(out, asset749...)
	for _, r := range asset375 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset751 is asset number 751 of the chain.
//
//asset: group=g1
func Asset751(ctx context.Context, asset750, asset375 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset750)+len(asset375))
	out = append(out, asset750...)
	for _, r := range asset375 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset752 is asset number 752 of the chain.
//
//asset: group=g2
func Asset752(ctx context.Context, asset751, asset376 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset751)+len(asset376))
	out = append(out, asset751...)
	for _, r := range asset376 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset753 is asset number 753 of the chain.
//
//asset: group=g3
func Asset753(ctx context.Context, asset752, asset376 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset752)+len(asset376))
	out = append(out, asset752...)
	for _, r := range asset376 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset754 is asset number 754 of the chain.
//
//asset: group=g4
func Asset754(ctx context.Context, asset753, asset377 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset753)+len(asset377))
	out = append(out, asset753...)
	for _, r := range asset377 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset755 is asset number 755 of the chain.
//
//asset: group=g5
func Asset755(ctx context.Context, asset754, asset377 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset754)+len(asset377))
	out = append(out, asset754...)
	for _, r := range asset377 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset756 is asset number 756 of the chain.
//
//asset: group=g6
func Asset756(ctx context.Context, asset755, asset378 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset755)+len(asset378))
	out = append(out, asset755...)
	for _, r := range asset378 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset757 is asset number 757 of the chain.
//
//asset: group=g7
func Asset757(ctx context.Context, asset756, asset378 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset756)+len(asset378))
	out = append(out, asset756...)
	for _, r := range asset378 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset758 is asset number 758 of the chain.
//
//asset: group=g8
func Asset758(ctx context.Context, asset757, asset379 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset757)+len(asset379))
	out = append(out, asset757...)
	for _, r := range asset379 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset759 is asset number 759 of the chain.
//
//asset: group=g9
func Asset759(ctx context.Context, asset758, asset379 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset758)+len(asset379))
	out = append(out, asset758...)
	for _, r := range asset379 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset760 is asset number 760 of the chain.
//
//asset: group=g0
func Asset760(ctx context.Context, asset759, asset380 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset759)+len(asset380))
	out = append(out, asset759...)
	for _, r := range asset380 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset761 is asset number 761 of the chain.
//
//asset: group=g1
func Asset761(ctx context.Context, asset760, asset380 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset760)+len(asset380))
	out = append(out, asset760...)
	for _, r := range asset380 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset762 is asset number 762 of the chain.
//
//asset: group=g2
func Asset762(ctx context.Context, asset761, asset381 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset761)+len(asset381))
	out = append(out, asset761...)
	for _, r := range asset381 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset763 is asset number 763 of the chain.
//
//asset: group=g3
func Asset763(ctx context.Context, asset762, asset381 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset762)+len(asset381))
	out = append(out, asset762...)
	for _, r := range asset381 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset764 is asset number 764 of the chain.
//
//asset: group=g4
func Asset764(ctx context.Context, asset763, asset382 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset763)+len(asset382))
	out = append(out, asset763...)
	for _, r := range asset382 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset765 is asset number 765 of the chain.
//
//asset: group=g5
func Asset765(ctx context.Context, asset764, asset382 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset764)+len(asset382))
	out = append(out, asset764...)
	for _, r := range asset382 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset766 is asset number 766 of the chain.
//
//asset: group=g6
func Asset766(ctx context.Context, asset765, asset383 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset765)+len(asset383))
	out = append(out, asset765...)
	for _, r := range asset383 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset767 is asset number 767 of the chain.
//
//asset: group=g7
func Asset767(ctx context.Context, asset766, asset383 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset766)+len(asset383))
	out = append(out, asset766...)
	for _, r := range asset383 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset768 is asset number 768 of the chain.
//
//asset: group=g8
func Asset768(ctx context.Context, asset767, asset384 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset767)+len(asset384))
	out = append(out, asset767...)
	for _, r := range asset384 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset769 is asset number 769 of the chain.
//
//asset: group=g9
func Asset769(ctx context.Context, asset768, asset384 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset768)+len(asset384))
	out = append(out, asset768...)
	for _, r := range asset384 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset770 is asset number 770 of the chain.
//
//asset: group=g0
func Asset770(ctx context.Context, asset769, asset385 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset769)+len(asset385))
	out = append(out, asset769...)
	for _, r := range asset385 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset771 is asset number 771 of the chain.
//
//asset: group=g1
func Asset771(ctx context.Context, asset770, asset385 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset770)+len(asset385))
	out = append(out, asset770...)
	for _, r := range asset385 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset772 is asset number 772 of the chain.
//
//asset: group=g2
func Asset772(ctx context.Context, asset771, asset386 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset771)+len(asset386))
	out = append(out, asset771...)
	for _, r := range asset386 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset773 is asset number 773 of the chain.
//
//asset: group=g3
func Asset773(ctx context.Context, asset772, asset386 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset772)+len(asset386))
	out = append(out, asset772...)
	for _, r := range asset386 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset774 is asset number 774 of the chain.
//
//asset: group=g4
func Asset774(ctx context.Context, asset773, asset387 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset773)+len(asset387))
	out = append(out, asset773...)
	for _, r := range asset387 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset775 is asset number 775 of the chain.
//
//asset: group=g5
func Asset775(ctx context.Context, asset774, asset387 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset774)+len(asset387))
	out = append(out, asset774...)
	for _, r := range asset387 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset776 is asset number 776 of the chain.
//
//asset: group=g6
func Asset776(ctx context.Context, asset775, asset388 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset775)+len(asset388))
	out = append(out, asset775...)
	for _, r := range asset388 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset777 is asset number 777 of the chain.
//
//asset: group=g7
func Asset777(ctx context.Context, asset776, asset388 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset776)+len(asset388))
	out = append(out, asset776...)
	for _, r := range asset388 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset778 is asset number 778 of the chain.
//
//asset: group=g8
func Asset778(ctx context.Context, asset777, asset389 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset777)+len(asset389))
	out = append(out, asset777...)
	for _, r := range asset389 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset779 is asset number 779 of the chain.
//
//asset: group=g9
func Asset779(ctx context.Context, asset778, asset389 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset778)+len(asset389))
	out = append(out, asset778...)
	for _, r := range asset389 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset780 is asset number 780 of the chain.
//
//asset: group=g0
func Asset780(ctx context.Context, asset779, asset390 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset779)+len(asset390))
	out = append(out, asset779...)
	for _, r := range asset390 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset781 is asset number 781 of the chain.
//
//asset: group=g1
func Asset781(ctx context.Context, asset780, asset390 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset780)+len(asset390))
	out = append(out, asset780...)
	for _, r := range asset390 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset782 is asset number 782 of the chain.
//
//asset: group=g2
func Asset782(ctx context.Context, asset781, asset391 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset781)+len(asset391))
	out = append(out, asset781...)
	for _, r := range asset391 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset783 is asset number 783 of the chain.
//
//asset: group=g3
func Asset783(ctx context.Context, asset782, asset391 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset782)+len(asset391))
	out = append(out, asset782...)
	for _, r := range asset391 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset784 is asset number 784 of the chain.
//
//asset: group=g4
func Asset784(ctx context.Context, asset783, asset392 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset783)+len(asset392))
	out = append(out, asset783...)
	for _, r := range asset392 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset785 is asset number 785 of the chain.
//
//asset: group=g5
func Asset785(ctx context.Context, asset784, asset392 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset784)+len(asset392))
	out = append(out, asset784...)
	for _, r := range asset392 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset786 is asset number 786 of the chain.
//
//asset: group=g6
func Asset786(ctx context.Context, asset785, asset393 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset785)+len(asset393))
	out = append(out, asset785...)
	for _, r := range asset393 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset787 is asset number 787 of the chain.
//
//asset: group=g7
func Asset787(ctx context.Context, asset786, asset393 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset786)+len(asset393))
	out = append(out, asset786...)
	for _, r := range asset393 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset788 is asset number 788 of the chain.
//
//asset: group=g8
func Asset788(ctx context.Context, asset787, asset394 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset787)+len(asset394))
	out = append(out, asset787...)
	for _, r := range asset394 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset789 is asset number 789 of the chain.
//
//asset: group=g9
func Asset789(ctx context.Context, asset788, asset394 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset788)+len(asset394))
	out = append(out, asset788...)
	for _, r := range asset394 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset790 is asset number 790 of the chain.
//
//asset: group=g0
func Asset790(ctx context.Context, asset789, asset395 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset789)+len(asset395))
	out = append(out, asset789...)
	for _, r := range asset395 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset791 is asset number 791 of the chain.
//
//asset: group=g1
func Asset791(ctx context.Context, asset790, asset395 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset790)+len(asset395))
	out = append(out, asset790...)
	for _, r := range asset395 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset792 is asset number 792 of the chain.
//
//asset: group=g2
func Asset792(ctx context.Context, asset791, asset396 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset791)+len(asset396))
	out = append(out, asset791...)
	for _, r := range asset396 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset793 is asset number 793 of the chain.
//
//asset: group=g3
func Asset793(ctx context.Context, asset792, asset396 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset792)+len(asset396))
	out = append(out, asset792...)
	for _, r := range asset396 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset794 is asset number 794 of the chain.
//
//asset: group=g4
func Asset794(ctx context.Context, asset793, asset397 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset793)+len(asset397))
	out = append(out, asset793...)
	for _, r := range asset397 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset795 is asset number 795 of the chain.
//
//asset: group=g5
func Asset795(ctx context.Context, asset794, asset397 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset794)+len(asset397))
	out = append(out, asset794...)
	for _, r := range asset397 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset796 is asset number 796 of the chain.
//
//asset: group=g6
func Asset796(ctx context.Context, asset795, asset398 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset795)+len(asset398))
	out = append(out, asset795...)
	for _, r := range asset398 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset797 is asset number 797 of the chain.
//
//asset: group=g7
func Asset797(ctx context.Context, asset796, asset398 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset796)+len(asset398))
	out = append(out, asset796...)
	for _, r := range asset398 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset798 is asset number 798 of the chain.
//
//asset: group=g8
func Asset798(ctx context.Context, asset797, asset399 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset797)+len(asset399))
	out = append(out, asset797...)
	for _, r := range asset399 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset799 is asset number 799 of the chain.
//
//asset: group=g9
func Asset799(ctx context.Context, asset798, asset399 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset798)+len(asset399))
	out = append(out, asset798...)
	for _, r := range asset399 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset800 is asset number 800 of the chain.
//
//asset: group=g0
func Asset800(ctx context.Context, asset799, asset400 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset799)+len(asset400))
	out = append(out, asset799...)
	for _, r := range asset400 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset801 is asset number 801 of the chain.
//
//asset: group=g1
func Asset801(ctx context.Context, asset800, asset400 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset800)+len(asset400))
	out = append(out, asset800...)
	for _, r := range asset400 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset802 is asset number 802 of the chain.
//
//asset: group=g2
func Asset802(ctx context.Context, asset801, asset401 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset801)+len(asset401))
	out = append(out, asset801...)
	for _, r := range asset401 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset803 is asset number 803 of the chain.
//
//asset: group=g3
func Asset803(ctx context.Context, asset802, asset401 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset802)+len(asset401))
	out = append(out, asset802...)
	for _, r := range asset401 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset804 is asset number 804 of the chain.
//
//asset: group=g4
func Asset804(ctx context.Context, asset803, asset402 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset803)+len(asset402))
	out = append(out, asset803...)
	for _, r := range asset402 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset805 is asset number 805 of the chain.
//
//asset: group=g5
func Asset805(ctx context.Context, asset804, asset402 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset804)+len(asset402))
	out = append(out, asset804...)
	for _, r := range asset402 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset806 is asset number 806 of the chain.
//
//asset: group=g6
func Asset806(ctx context.Context, asset805, asset403 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset805)+len(asset403))
	out = append(out, asset805...)
	for _, r := range asset403 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset807 is asset number 807 of the chain.
//
//asset: group=g7
func Asset807(ctx context.Context, asset806, asset403 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset806)+len(asset403))
	out = append(out, asset806...)
	for _, r := range asset403 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset808 is asset number 808 of the chain.
//
//asset: group=g8
func Asset808(ctx context.Context, asset807, asset404 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset807)+len(asset404))
	out = append(out, asset807...)
	for _, r := range asset404 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset809 is asset number 809 of the chain.
//
//asset: group=g9
func Asset809(ctx context.Context, asset808, asset404 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset808)+len(asset404))
	out = append(out, asset808...)
	for _, r := range asset404 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset810 is asset number 810 of the chain.
//
//asset: group=g0
func Asset810(ctx context.Context, asset809, asset405 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset809)+len(asset405))
	out = append(out, asset809...)
	for _, r := range asset405 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset811 is asset number 811 of the chain.
//
//asset: group=g1
func Asset811(ctx context.Context, asset810, asset405 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset810)+len(asset405))
	out = append(out, asset810...)
	for _, r := range asset405 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset812 is asset number 812 of the chain.
//
//asset: group=g2
func Asset812(ctx context.Context, asset811, asset406 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset811)+len(asset406))
	out = append(out, asset811...)
	for _, r := range asset406 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset813 is asset number 813 of the chain.
//
//asset: group=g3
func Asset813(ctx context.Context, asset812, asset406 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset812)+len(asset406))
	out = append(out, asset812...)
	for _, r := range asset406 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset814 is asset number 814 of the chain.
//
//asset: group=g4
func Asset814(ctx context.Context, asset813, asset407 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset813)+len(asset407))
	out = append(out, asset813...)
	for _, r := range asset407 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset815 is asset number 815 of the chain.
//
//asset: group=g5
func Asset815(ctx context.Context, asset814, asset407 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset814)+len(asset407))
	out = append(out, asset814...)
	for _, r := range asset407 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset816 is asset number 816 of the chain.
//
//asset: group=g6
func Asset816(ctx context.Context, asset815, asset408 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset815)+len(asset408))
	out = append(out, asset815...)
	for _, r := range asset408 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset817 is asset number 817 of the chain.
//
//asset: group=g7
func Asset817(ctx context.Context, asset816, asset408 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset816)+len(asset408))
	out = append(out, asset816...)
	for _, r := range asset408 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset818 is asset number 818 of the chain.
//
//asset: group=g8
func Asset818(ctx context.Context, asset817, asset409 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset817)+len(asset409))
	out = append(out, asset817...)
	for _, r := range asset409 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset819 is asset number 819 of the chain.
//
//asset: group=g9
func Asset819(ctx context.Context, asset818, asset409 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset818)+len(asset409))
	out = append(out, asset818...)
	for _, r := range asset409 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset820 is asset number 820 of the chain.
//
//asset: group=g0
func Asset820(ctx context.Context, asset819, asset410 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset819)+len(asset410))
	out = append(out, asset819...)
	for _, r := range asset410 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset821 is asset number 821 of the chain.
//
//asset: group=g1
func Asset821(ctx context.Context, asset820, asset410 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset820)+len(asset410))
	out = append(out, asset820...)
	for _, r := range asset410 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset822 is asset number 822 of the chain.
//
//asset: group=g2
func Asset822(ctx context.Context, asset821, asset411 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset821)+len(asset411))
	out = append(out, asset821...)
	for _, r := range asset411 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset823 is asset number 823 of the chain.
//
//asset: group=g3
func Asset823(ctx context.Context, asset822, asset411 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset822)+len(asset411))
	out = append(out, asset822...)
	for _, r := range asset411 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset824 is asset number 824 of the chain.
//
//asset: group=g4
func Asset824(ctx context.Context, asset823, asset412 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset823)+len(asset412))
	out = append(out, asset823...)
	for _, r := range asset412 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset825 is asset number 825 of the chain.
//
//asset: group=g5
func Asset825(ctx context.Context, asset824, asset412 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset824)+len(asset412))
	out = append(out, asset824...)
	for _, r := range asset412 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset826 is asset number 826 of the chain.
//
//asset: group=g6
func Asset826(ctx context.Context, asset825, asset413 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset825)+len(asset413))
	out = append(out, asset825...)
	for _, r := range asset413 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset827 is asset number 827 of the chain.
//
//asset: group=g7
func Asset827(ctx context.Context, asset826, asset413 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset826)+len(asset413))
	out = append(out, asset826...)
	for _, r := range asset413 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset828 is asset number 828 of the chain.
//
//asset: group=g8
func Asset828(ctx context.Context, asset827, asset414 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset827)+len(asset414))
	out = append(out, asset827...)
	for _, r := range asset414 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset829 is asset number 829 of the chain.
//
//asset: group=g9
func Asset829(ctx context.Context, asset828, asset414 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset828)+len(asset414))
	out = append(out, asset828...)
	for _, r := range asset414 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset830 is asset number 830 of the chain.
//
//asset: group=g0
func Asset830(ctx context.Context, asset829, asset415 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset829)+len(asset415))
	out = append(out, asset829...)
	for _, r := range asset415 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset831 is asset number 831 of the chain.
//
//asset: group=g1
func Asset831(ctx context.Context, asset830, asset415 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset830)+len(asset415))
	out = append(out, asset830...)
	for _, r := range asset415 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset832 is asset number 832 of the chain.
//
//asset: group=g2
func Asset832(ctx context.Context, asset831, asset416 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset831)+len(asset416))
	out = append(out, asset831...)
	for _, r := range asset416 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset833 is asset number 833 of the chain.
//
//asset: group=g3
func Asset833(ctx context.Context, asset832, asset416 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset832)+len(asset416))
	out = append(out, asset832...)
	for _, r := range asset416 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset834 is asset number 834 of the chain.
//
//asset: group=g4
func Asset834(ctx context.Context, asset833, asset417 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset833)+len(asset417))
	out = append(out, asset833...)
	for _, r := range asset417 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset835 is asset number 835 of the chain.
//
//asset: group=g5
func Asset835(ctx context.Context, asset834, asset417 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset834)+len(asset417))
	out = append(out, asset834...)
	for _, r := range asset417 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset836 is asset number 836 of the chain.
//
//asset: group=g6
func Asset836(ctx context.Context, asset835, asset418 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset835)+len(asset418))
	out = append(out, asset835...)
	for _, r := range asset418 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset837 is asset number 837 of the chain.
//
//asset: group=g7
func Asset837(ctx context.Context, asset836, asset418 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset836)+len(asset418))
	out = append(out, asset836...)
	for _, r := range asset418 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset838 is asset number 838 of the chain.
//
//asset: group=g8
func Asset838(ctx context.Context, asset837, asset419 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset837)+len(asset419))
	out = append(out, asset837...)
	for _, r := range asset419 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset839 is asset number 839 of the chain.
//
//asset: group=g9
func Asset839(ctx context.Context, asset838, asset419 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset838)+len(asset419))
	out = append(out, asset838...)
	for _, r := range asset419 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset840 is asset number 840 of the chain.
//
//asset: group=g0
func Asset840(ctx context.Context, asset839, asset420 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset839)+len(asset420))
	out = append(out, asset839...)
	for _, r := range asset420 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset841 is asset number 841 of the chain.
//
//asset: group=g1
func Asset841(ctx context.Context, asset840, asset420 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset840)+len(asset420))
	out = append(out, asset840...)
	for _, r := range asset420 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset842 is asset number 842 of the chain.
//
//asset: group=g2
func Asset842(ctx context.Context, asset841, asset421 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset841)+len(asset421))
	out = append(out, asset841...)
	for _, r := range asset421 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset843 is asset number 843 of the chain.
//
//asset: group=g3
func Asset843(ctx context.Context, asset842, asset421 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset842)+len(asset421))
	out = append(out, asset842...)
	for _, r := range asset421 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset844 is asset number 844 of the chain.
//
//asset: group=g4
func Asset844(ctx context.Context, asset843, asset422 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset843)+len(asset422))
	out = append(out, asset843...)
	for _, r := range asset422 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset845 is asset number 845 of the chain.
//
//asset: group=g5
func Asset845(ctx context.Context, asset844, asset422 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset844)+len(asset422))
	out = append(out, asset844...)
	for _, r := range asset422 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset846 is asset number 846 of the chain.
//
//asset: group=g6
func Asset846(ctx context.Context, asset845, asset423 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset845)+len(asset423))
	out = append(out, asset845...)
	for _, r := range asset423 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset847 is asset number 847 of the chain.
//
//asset: group=g7
func Asset847(ctx context.Context, asset846, asset423 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset846)+len(asset423))
	out = append(out, asset846...)
	for _, r := range asset423 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset848 is asset number 848 of the chain.
//
//asset: group=g8
func Asset848(ctx context.Context, asset847, asset424 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset847)+len(asset424))
	out = append(out, asset847...)
	for _, r := range asset424 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset849 is asset number 849 of the chain.
//
//asset: group=g9
func Asset849(ctx context.Context, asset848, asset424 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset848)+len(asset424))
	out = append(out, asset848...)
	for _, r := range asset424 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset850 is asset number 850 of the chain.
//
//asset: group=g0
func Asset850(ctx context.Context, asset849, asset425 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset849)+len(asset425))
	out = append(out, asset849...)
	for _, r := range asset425 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset851 is asset number 851 of the chain.
//
//asset: group=g1
func Asset851(ctx context.Context, asset850, asset425 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset850)+len(asset425))
	out = append(out, asset850...)
	for _, r := range asset425 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset852 is asset number 852 of the chain.
//
//asset: group=g2
func Asset852(ctx context.Context, asset851, asset426 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset851)+len(asset426))
	out = append(out, asset851...)
	for _, r := range asset426 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset853 is asset number 853 of the chain.
//
//asset: group=g3
func Asset853(ctx context.Context, asset852, asset426 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset852)+len(asset426))
	out = append(out, asset852...)
	for _, r := range asset426 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset854 is asset number 854 of the chain.
//
//asset: group=g4
func Asset854(ctx context.Context, asset853, asset427 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset853)+len(asset427))
	out = append(out, asset853...)
	for _, r := range asset427 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset855 is asset number 855 of the chain.
//
//asset: group=g5
func Asset855(ctx context.Context, asset854, asset427 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset854)+len(asset427))
	out = append(out, asset854...)
	for _, r := range asset427 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset856 is asset number 856 of the chain.
//
//asset: group=g6
func Asset856(ctx context.Context, asset855, asset428 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset855)+len(asset428))
	out = append(out, asset855...)
	for _, r := range asset428 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset857 is asset number 857 of the chain.
//
//asset: group=g7
func Asset857(ctx context.Context, asset856, asset428 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset856)+len(asset428))
	out = append(out, asset856...)
	for _, r := range asset428 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset858 is asset number 858 of the chain.
//
//asset: group=g8
func Asset858(ctx context.Context, asset857, asset429 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset857)+len(asset429))
	out = append(out, asset857...)
	for _, r := range asset429 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset859 is asset number 859 of the chain.
//
//asset: group=g9
func Asset859(ctx context.Context, asset858, asset429 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset858)+len(asset429))
	out = append(out, asset858...)
	for _, r := range asset429 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset860 is asset number 860 of the chain.
//
//asset: group=g0
func Asset860(ctx context.Context, asset859, asset430 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset859)+len(asset430))
	out = append(out, asset859...)
	for _, r := range asset430 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset861 is asset number 861 of the chain.
//
//asset: group=g1
func Asset861(ctx context.Context, asset860, asset430 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset860)+len(asset430))
	out = append(out, asset860...)
	for _, r := range asset430 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset862 is asset number 862 of the chain.
//
//asset: group=g2
func Asset862(ctx context.Context, asset861, asset431 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset861)+len(asset431))
	out = append(out, asset861...)
	for _, r := range asset431 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset863 is asset number 863 of the chain.
//
//asset: group=g3
func Asset863(ctx context.Context, asset862, asset431 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset862)+len(asset431))
	out = append(out, asset862...)
	for _, r := range asset431 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset864 is asset number 864 of the chain.
//
//asset: group=g4
func Asset864(ctx context.Context, asset863, asset432 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset863)+len(asset432))
	out = append(out, asset863...)
	for _, r := range asset432 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset865 is asset number 865 of the chain.
//
//asset: group=g5
func Asset865(ctx context.Context, asset864, asset432 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset864)+len(asset432))
	out = append(out, asset864...)
	for _, r := range asset432 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset866 is asset number 866 of the chain.
//
//asset: group=g6
func Asset866(ctx context.Context, asset865, asset433 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset865)+len(asset433))
	out = append(out, asset865...)
	for _, r := range asset433 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset867 is asset number 867 of the chain.
//
//asset: group=g7
func Asset867(ctx context.Context, asset866, asset433 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset866)+len(asset433))
	out = append(out, asset866...)
	for _, r := range asset433 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset868 is asset number 868 of the chain.
//
//asset: group=g8
func Asset868(ctx context.Context, asset867, asset434 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset867)+len(asset434))
	out = append(out, asset867...)
	for _, r := range asset434 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset869 is asset number 869 of the chain.
//
//asset: group=g9
func Asset869(ctx context.Context, asset868, asset434 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset868)+len(asset434))
	out = append(out, asset868...)
	for _, r := range asset434 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset870 is asset number 870 of the chain.
//
//asset: group=g0
func Asset870(ctx context.Context, asset869, asset435 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset869)+len(asset435))
	out = append(out, asset869...)
	for _, r := range asset435 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset871 is asset number 871 of the chain.
//
//asset: group=g1
func Asset871(ctx context.Context, asset870, asset435 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset870)+len(asset435))
	out = append(out, asset870...)
	for _, r := range asset435 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset872 is asset number 872 of the chain.
//
//asset: group=g2
func Asset872(ctx context.Context, asset871, asset436 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset871)+len(asset436))
	out = append(out, asset871...)
	for _, r := range asset436 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset873 is asset number 873 of the chain.
//
//asset: group=g3
func Asset873(ctx context.Context, asset872, asset436 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset872)+len(asset436))
	out = append(out, asset872...)
	for _, r := range asset436 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset874 is asset number 874 of the chain.
//
//asset: group=g4
func Asset874(ctx context.Context, asset873, asset437 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset873)+len(asset437))
	out = append(out, asset873...)
	for _, r := range asset437 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset875 is asset number 875 of the chain.
//
//asset: group=g5
func Asset875(ctx context.Context, asset874, asset437 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset874)+len(asset437))
	out = append(out, asset874...)
	for _, r := range asset437 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset876 is asset number 876 of the chain.
//
//asset: group=g6
func Asset876(ctx context.Context, asset875, asset438 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset875)+len(asset438))
	out = append(out, asset875...)
	for _, r := range asset438 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset877 is asset number 877 of the chain.
//
//asset: group=g7
func Asset877(ctx context.Context, asset876, asset438 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset876)+len(asset438))
	out = append(out, asset876...)
	for _, r := range asset438 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset878 is asset number 878 of the chain.
//
//asset: group=g8
func Asset878(ctx context.Context, asset877, asset439 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset877)+len(asset439))
	out = append(out, asset877...)
	for _, r := range asset439 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset879 is asset number 879 of the chain.
//
//asset: group=g9
func Asset879(ctx context.Context, asset878, asset439 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset878)+len(asset439))
	out = append(out, asset878...)
	for _, r := range asset439 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset880 is asset number 880 of the chain.
//
//asset: group=g0
func Asset880(ctx context.Context, asset879, asset440 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset879)+len(asset440))
	out = append(out, asset879...)
	for _, r := range asset440 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset881 is asset number 881 of the chain.
//
//asset: group=g1
func Asset881(ctx context.Context, asset880, asset440 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset880)+len(asset440))
	out = append(out, asset880...)
	for _, r := range asset440 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset882 is asset number 882 of the chain.
//
//asset: group=g2
func Asset882(ctx context.Context, asset881, asset441 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset881)+len(asset441))
	out = append(out, asset881...)
	for _, r := range asset441 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset883 is asset number 883 of the chain.
//
//asset: group=g3
func Asset883(ctx context.Context, asset882, asset441 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset882)+len(asset441))
	out = append(out, asset882...)
	for _, r := range asset441 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset884 is asset number 884 of the chain.
//
//asset: group=g4
func Asset884(ctx context.Context, asset883, asset442 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset883)+len(asset442))
	out = append(out, asset883...)
	for _, r := range asset442 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset885 is asset number 885 of the chain.
//
//asset: group=g5
func Asset885(ctx context.Context, asset884, asset442 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset884)+len(asset442))
	out = append(out, asset884...)
	for _, r := range asset442 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset886 is asset number 886 of the chain.
//
//asset: group=g6
func Asset886(ctx context.Context, asset885, asset443 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset885)+len(asset443))
	out = append(out, asset885...)
	for _, r := range asset443 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset887 is asset number 887 of the chain.
//
//asset: group=g7
func Asset887(ctx context.Context, asset886, asset443 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset886)+len(asset443))
	out = append(out, asset886...)
	for _, r := range asset443 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset888 is asset number 888 of the chain.
//
//asset: group=g8
func Asset888(ctx context.Context, asset887, asset444 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset887)+len(asset444))
	out = append(out, asset887...)
	for _, r := range asset444 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset889 is asset number 889 of the chain.
//
//asset: group=g9
func Asset889(ctx context.Context, asset888, asset444 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset888)+len(asset444))
	out = append(out, asset888...)
	for _, r := range asset444 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset890 is asset number 890 of the chain.
//
//asset: group=g0
func Asset890(ctx context.Context, asset889, asset445 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset889)+len(asset445))
	out = append(out, asset889...)
	for _, r := range asset445 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset891 is asset number 891 of the chain.
//
//asset: group=g1
func Asset891(ctx context.Context, asset890, asset445 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset890)+len(asset445))
	out = append(out, asset890...)
	for _, r := range asset445 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset892 is asset number 892 of the chain.
//
//asset: group=g2
func Asset892(ctx context.Context, asset891, asset446 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset891)+len(asset446))
	out = append(out, asset891...)
	for _, r := range asset446 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset893 is asset number 893 of the chain.
//
//asset: group=g3
func Asset893(ctx context.Context, asset892, asset446 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset892)+len(asset446))
	out = append(out, asset892...)
	for _, r := range asset446 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset894 is asset number 894 of the chain.
//
//asset: group=g4
func Asset894(ctx context.Context, asset893, asset447 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset893)+len(asset447))
	out = append(out, asset893...)
	for _, r := range asset447 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset895 is asset number 895 of the chain.
//
//asset: group=g5
func Asset895(ctx context.Context, asset894, asset447 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset894)+len(asset447))
	out = append(out, asset894...)
	for _, r := range asset447 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset896 is asset number 896 of the chain.
//
//asset: group=g6
func Asset896(ctx context.Context, asset895, asset448 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset895)+len(asset448))
	out = append(out, asset895...)
	for _, r := range asset448 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset897 is asset number 897 of the chain.
//
//asset: group=g7
func Asset897(ctx context.Context, asset896, asset448 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset896)+len(asset448))
	out = append(out, asset896...)
	for _, r := range asset448 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset898 is asset number 898 of the chain.
//
//asset: group=g8
func Asset898(ctx context.Context, asset897, asset449 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset897)+len(asset449))
	out = append(out, asset897...)
	for _, r := range asset449 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset899 is asset number 899 of the chain.
//
//asset: group=g9
func Asset899(ctx context.Context, asset898, asset449 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset898)+len(asset449))
	out = append(out, asset898...)
	for _, r := range asset449 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset900 is asset number 900 of the chain.
//
//asset: group=g0
func Asset900(ctx context.Context, asset899, asset450 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset899)+len(asset450))
	out = append(out, asset899...)
	for _, r := range asset450 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset901 is asset number 901 of the chain.
//
//asset: group=g1
func Asset901(ctx context.Context, asset900, asset450 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset900)+len(asset450))
	out = append(out, asset900...)
	for _, r := range asset450 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset902 is asset number 902 of the chain.
//
//asset: group=g2
func Asset902(ctx context.Context, asset901, asset451 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset901)+len(asset451))
	out = append(out, asset901...)
	for _, r := range asset451 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset903 is asset number 903 of the chain.
//
//asset: group=g3
func Asset903(ctx context.Context, asset902, asset451 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset902)+len(asset451))
	out = append(out, asset902...)
	for _, r := range asset451 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset904 is asset number 904 of the chain.
//
//asset: group=g4
func Asset904(ctx context.Context, asset903, asset452 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset903)+len(asset452))
	out = append(out, asset903...)
	for _, r := range asset452 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset905 is asset number 905 of the chain.
//
//asset: group=g5
func Asset905(ctx context.Context, asset904, asset452 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset904)+len(asset452))
	out = append(out, asset904...)
	for _, r := range asset452 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset906 is asset number 906 of the chain.
//
//asset: group=g6
func Asset906(ctx context.Context, asset905, asset453 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset905)+len(asset453))
	out = append(out, asset905...)
	for _, r := range asset453 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset907 is asset number 907 of the chain.
//
//asset: group=g7
func Asset907(ctx context.Context, asset906, asset453 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset906)+len(asset453))
	out = append(out, asset906...)
	for _, r := range asset453 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset908 is asset number 908 of the chain.
//
//asset: group=g8
func Asset908(ctx context.Context, asset907, asset454 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset907)+len(asset454))
	out = append(out, asset907...)
	for _, r := range asset454 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset909 is asset number 909 of the chain.
//
//asset: group=g9
func Asset909(ctx context.Context, asset908, asset454 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset908)+len(asset454))
	out = append(out, asset908...)
	for _, r := range asset454 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset910 is asset number 910 of the chain.
//
//asset: group=g0
func Asset910(ctx context.Context, asset909, asset455 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset909)+len(asset455))
	out = append(out, asset909...)
	for _, r := range asset455 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset911 is asset number 911 of the chain.
//
//asset: group=g1
func Asset911(ctx context.Context, asset910, asset455 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset910)+len(asset455))
	out = append(out, asset910...)
	for _, r := range asset455 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset912 is asset number 912 of the chain.
//
//asset: group=g2
func Asset912(ctx context.Context, asset911, asset456 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset911)+len(asset456))
	out = append(out, asset911...)
	for _, r := range asset456 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset913 is asset number 913 of the chain.
//
//asset: group=g3
func Asset913(ctx context.Context, asset912, asset456 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset912)+len(asset456))
	out = append(out, asset912...)
	for _, r := range asset456 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset914 is asset number 914 of the chain.
//
//asset: group=g4
func Asset914(ctx context.Context, asset913, asset457 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset913)+len(asset457))
	out = append(out, asset913...)
	for _, r := range asset457 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset915 is asset number 915 of the chain.
//
//asset: group=g5
func Asset915(ctx context.Context, asset914, asset457 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset914)+len(asset457))
	out = append(out, asset914...)
	for _, r := range asset457 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset916 is asset number 916 of the chain.
//
//asset: group=g6
func Asset916(ctx context.Context, asset915, asset458 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset915)+len(asset458))
	out = append(out, asset915...)
	for _, r := range asset458 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset917 is asset number 917 of the chain.
//
//asset: group=g7
func Asset917(ctx context.Context, asset916, asset458 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset916)+len(asset458))
	out = append(out, asset916...)
	for _, r := range asset458 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset918 is asset number 918 of the chain.
//
//asset: group=g8
func Asset918(ctx context.Context, asset917, asset459 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset917)+len(asset459))
	out = append(out, asset917...)
	for _, r := range asset459 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset919 is asset number 919 of the chain.
//
//asset: group=g9
func Asset919(ctx context.Context, asset918, asset459 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset918)+len(asset459))
	out = append(out, asset918...)
	for _, r := range asset459 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset920 is asset number 920 of the chain.
//
//asset: group=g0
func Asset920(ctx context.Context, asset919, asset460 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset919)+len(asset460))
	out = append(out, asset919...)
	for _, r := range asset460 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset921 is asset number 921 of the chain.
//
//asset: group=g1
func Asset921(ctx context.Context, asset920, asset460 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset920)+len(asset460))
	out = append(out, asset920...)
	for _, r := range asset460 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset922 is asset number 922 of the chain.
//
//asset: group=g2
func Asset922(ctx context.Context, asset921, asset461 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset921)+len(asset461))
	out = append(out, asset921...)
	for _, r := range asset461 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset923 is asset number 923 of the chain.
//
//asset: group=g3
func Asset923(ctx context.Context, asset922, asset461 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset922)+len(asset461))
	out = append(out, asset922...)
	for _, r := range asset461 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset924 is asset number 924 of the chain.
//
//asset: group=g4
func Asset924(ctx context.Context, asset923, asset462 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset923)+len(asset462))
	out = append(out, asset923...)
	for _, r := range asset462 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset925 is asset number 925 of the chain.
//
//asset: group=g5
func Asset925(ctx context.Context, asset924, asset462 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset924)+len(asset462))
	out = append(out, asset924...)
	for _, r := range asset462 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset926 is asset number 926 of the chain.
//
//asset: group=g6
func Asset926(ctx context.Context, asset925, asset463 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset925)+len(asset463))
	out = append(out, asset925...)
	for _, r := range asset463 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset927 is asset number 927 of the chain.
//
//asset: group=g7
func Asset927(ctx context.Context, asset926, asset463 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset926)+len(asset463))
	out = append(out, asset926...)
	for _, r := range asset463 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset928 is asset number 928 of the chain.
//
//asset: group=g8
func Asset928(ctx context.Context, asset927, asset464 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset927)+len(asset464))
	out = append(out, asset927...)
	for _, r := range asset464 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset929 is asset number 929 of the chain.
//
//asset: group=g9
func Asset929(ctx context.Context, asset928, asset464 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset928)+len(asset464))
	out = append(out, asset928...)
	for _, r := range asset464 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset930 is asset number 930 of the chain.
//
//asset: group=g0
func Asset930(ctx context.Context, asset929, asset465 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset929)+len(asset465))
	out = append(out, asset929...)
	for _, r := range asset465 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset931 is asset number 931 of the chain.
//
//asset: group=g1
func Asset931(ctx context.Context, asset930, asset465 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset930)+len(asset465))
	out = append(out, asset930...)
	for _, r := range asset465 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset932 is asset number 932 of the chain.
//
//asset: group=g2
func Asset932(ctx context.Context, asset931, asset466 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset931)+len(asset466))
	out = append(out, asset931...)
	for _, r := range asset466 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset933 is asset number 933 of the chain.
//
//asset: group=g3
func Asset933(ctx context.Context, asset932, asset466 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset932)+len(asset466))
	out = append(out, asset932...)
	for _, r := range asset466 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset934 is asset number 934 of the chain.
//
//asset: group=g4
func Asset934(ctx context.Context, asset933, asset467 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset933)+len(asset467))
	out = append(out, asset933...)
	for _, r := range asset467 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset935 is asset number 935 of the chain.
//
//asset: group=g5
func Asset935(ctx context.Context, asset934, asset467 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset934)+len(asset467))
	out = append(out, asset934...)
	for _, r := range asset467 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset936 is asset number 936 of the chain.
//
//asset: group=g6
func Asset936(ctx context.Context, asset935, asset468 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset935)+len(asset468))
	out = append(out, asset935...)
	for _, r := range asset468 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset937 is asset number 937 of the chain.
//
//asset: group=g7
func Asset937(ctx context.Context, asset936, asset468 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset936)+len(asset468))
	out = append(out, asset936...)
	for _, r := range asset468 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset938 is asset number 938 of the chain.
//
//asset: group=g8
func Asset938(ctx context.Context, asset937, asset469 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset937)+len(asset469))
	out = append(out, asset937...)
	for _, r := range asset469 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset939 is asset number 939 of the chain.
//
//asset: group=g9
func Asset939(ctx context.Context, asset938, asset469 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset938)+len(asset469))
	out = append(out, asset938...)
	for _, r := range asset469 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset940 is asset number 940 of the chain.
//
//asset: group=g0
func Asset940(ctx context.Context, asset939, asset470 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset939)+len(asset470))
	out = append(out, asset939...)
	for _, r := range asset470 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset941 is asset number 941 of the chain.
//
//asset: group=g1
func Asset941(ctx context.Context, asset940, asset470 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset940)+len(asset470))
	out = append(out, asset940...)
	for _, r := range asset470 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset942 is asset number 942 of the chain.
//
//asset: group=g2
func Asset942(ctx context.Context, asset941, asset471 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset941)+len(asset471))
	out = append(out, asset941...)
	for _, r := range asset471 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset943 is asset number 943 of the chain.
//
//asset: group=g3
func Asset943(ctx context.Context, asset942, asset471 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset942)+len(asset471))
	out = append(out, asset942...)
	for _, r := range asset471 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset944 is asset number 944 of the chain.
//
//asset: group=g4
func Asset944(ctx context.Context, asset943, asset472 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset943)+len(asset472))
	out = append(out, asset943...)
	for _, r := range asset472 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset945 is asset number 945 of the chain.
//
//asset: group=g5
func Asset945(ctx context.Context, asset944, asset472 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset944)+len(asset472))
	out = append(out, asset944...)
	for _, r := range asset472 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset946 is asset number 946 of the chain.
//
//asset: group=g6
func Asset946(ctx context.Context, asset945, asset473 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset945)+len(asset473))
	out = append(out, asset945...)
	for _, r := range asset473 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset947 is asset number 947 of the chain.
//
//asset: group=g7
func Asset947(ctx context.Context, asset946, asset473 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset946)+len(asset473))
	out = append(out, asset946...)
	for _, r := range asset473 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset948 is asset number 948 of the chain.
//
//asset: group=g8
func Asset948(ctx context.Context, asset947, asset474 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset947)+len(asset474))
	out = append(out, asset947...)
	for _, r := range asset474 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset949 is asset number 949 of the chain.
//
//asset: group=g9
func Asset949(ctx context.Context, asset948, asset474 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset948)+len(asset474))
	out = append(out, asset948...)
	for _, r := range asset474 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset950 is asset number 950 of the chain.
//
//asset: group=g0
func Asset950(ctx context.Context, asset949, asset475 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset949)+len(asset475))
	out = append(out, asset949...)
	for _, r := range asset475 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset951 is asset number 951 of the chain.
//
//asset: group=g1
func Asset951(ctx context.Context, asset950, asset475 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset950)+len(asset475))
	out = append(out, asset950...)
	for _, r := range asset475 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset952 is asset number 952 of the chain.
//
//asset: group=g2
func Asset952(ctx context.Context, asset951, asset476 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset951)+len(asset476))
	out = append(out, asset951...)
	for _, r := range asset476 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset953 is asset number 953 of the chain.
//
//asset: group=g3
func Asset953(ctx context.Context, asset952, asset476 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset952)+len(asset476))
	out = append(out, asset952...)
	for _, r := range asset476 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset954 is asset number 954 of the chain.
//
//asset: group=g4
func Asset954(ctx context.Context, asset953, asset477 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset953)+len(asset477))
	out = append(out, asset953...)
	for _, r := range asset477 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset955 is asset number 955 of the chain.
//
//asset: group=g5
func Asset955(ctx context.Context, asset954, asset477 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset954)+len(asset477))
	out = append(out, asset954...)
	for _, r := range asset477 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset956 is asset number 956 of the chain.
//
//asset: group=g6
func Asset956(ctx context.Context, asset955, asset478 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset955)+len(asset478))
	out = append(out, asset955...)
	for _, r := range asset478 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset957 is asset number 957 of the chain.
//
//asset: group=g7
func Asset957(ctx context.Context, asset956, asset478 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset956)+len(asset478))
	out = append(out, asset956...)
	for _, r := range asset478 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset958 is asset number 958 of the chain.
//
//asset: group=g8
func Asset958(ctx context.Context, asset957, asset479 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset957)+len(asset479))
	out = append(out, asset957...)
	for _, r := range asset479 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset959 is asset number 959 of the chain.
//
//asset: group=g9
func Asset959(ctx context.Context, asset958, asset479 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset958)+len(asset479))
	out = append(out, asset958...)
	for _, r := range asset479 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset960 is asset number 960 of the chain.
//
//asset: group=g0
func Asset960(ctx context.Context, asset959, asset480 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset959)+len(asset480))
	out = append(out, asset959...)
	for _, r := range asset480 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset961 is asset number 961 of the chain.
//
//asset: group=g1
func Asset961(ctx context.Context, asset960, asset480 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset960)+len(asset480))
	out = append(out, asset960...)
	for _, r := range asset480 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset962 is asset number 962 of the chain.
//
//asset: group=g2
func Asset962(ctx context.Context, asset961, asset481 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset961)+len(asset481))
	out = append(out, asset961...)
	for _, r := range asset481 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset963 is asset number 963 of the chain.
//
//asset: group=g3
func Asset963(ctx context.Context, asset962, asset481 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset962)+len(asset481))
	out = append(out, asset962...)
	for _, r := range asset481 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset964 is asset number 964 of the chain.
//
//asset: group=g4
func Asset964(ctx context.Context, asset963, asset482 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset963)+len(asset482))
	out = append(out, asset963...)
	for _, r := range asset482 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset965 is asset number 965 of the chain.
//
//asset: group=g5
func Asset965(ctx context.Context, asset964, asset482 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset964)+len(asset482))
	out = append(out, asset964...)
	for _, r := range asset482 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset966 is asset number 966 of the chain.
//
//asset: group=g6
func Asset966(ctx context.Context, asset965, asset483 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset965)+len(asset483))
	out = append(out, asset965...)
	for _, r := range asset483 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset967 is asset number 967 of the chain.
//
//asset: group=g7
func Asset967(ctx context.Context, asset966, asset483 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset966)+len(asset483))
	out = append(out, asset966...)
	for _, r := range asset483 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset968 is asset number 968 of the chain.
//
//asset: group=g8
func Asset968(ctx context.Context, asset967, asset484 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset967)+len(asset484))
	out = append(out, asset967...)
	for _, r := range asset484 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset969 is asset number 969 of the chain.
//
//asset: group=g9
func Asset969(ctx context.Context, asset968, asset484 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset968)+len(asset484))
	out = append(out, asset968...)
	for _, r := range asset484 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset970 is asset number 970 of the chain.
//
//asset: group=g0
func Asset970(ctx context.Context, asset969, asset485 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset969)+len(asset485))
	out = append(out, asset969...)
	for _, r := range asset485 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset971 is asset number 971 of the chain.
//
//asset: group=g1
func Asset971(ctx context.Context, asset970, asset485 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset970)+len(asset485))
	out = append(out, asset970...)
	for _, r := range asset485 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset972 is asset number 972 of the chain.
//
//asset: group=g2
func Asset972(ctx context.Context, asset971, asset486 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset971)+len(asset486))
	out = append(out, asset971...)
	for _, r := range asset486 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset973 is asset number 973 of the chain.
//
//asset: group=g3
func Asset973(ctx context.Context, asset972, asset486 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset972)+len(asset486))
	out = append(out, asset972...)
	for _, r := range asset486 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset974 is asset number 974 of the chain.
//
//asset: group=g4
func Asset974(ctx context.Context, asset973, asset487 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset973)+len(asset487))
	out = append(out, asset973...)
	for _, r := range asset487 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset975 is asset number 975 of the chain.
//
//asset: group=g5
func Asset975(ctx context.Context, asset974, asset487 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset974)+len(asset487))
	out = append(out, asset974...)
	for _, r := range asset487 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset976 is asset number 976 of the chain.
//
//asset: group=g6
func Asset976(ctx context.Context, asset975, asset488 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset975)+len(asset488))
	out = append(out, asset975...)
	for _, r := range asset488 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset977 is asset number 977 of the chain.
//
//asset: group=g7
func Asset977(ctx context.Context, asset976, asset488 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset976)+len(asset488))
	out = append(out, asset976...)
	for _, r := range asset488 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset978 is asset number 978 of the chain.
//
//asset: group=g8
func Asset978(ctx context.Context, asset977, asset489 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset977)+len(asset489))
	out = append(out, asset977...)
	for _, r := range asset489 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset979 is asset number 979 of the chain.
//
//asset: group=g9
func Asset979(ctx context.Context, asset978, asset489 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset978)+len(asset489))
	out = append(out, asset978...)
	for _, r := range asset489 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset980 is asset number 980 of the chain.
//
//asset: group=g0
func Asset980(ctx context.Context, asset979, asset490 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset979)+len(asset490))
	out = append(out, asset979...)
	for _, r := range asset490 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset981 is asset number 981 of the chain.
//
//asset: group=g1
func Asset981(ctx context.Context, asset980, asset490 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset980)+len(asset490))
	out = append(out, asset980...)
	for _, r := range asset490 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset982 is asset number 982 of the chain.
//
//asset: group=g2
func Asset982(ctx context.Context, asset981, asset491 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset981)+len(asset491))
	out = append(out, asset981...)
	for _, r := range asset491 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset983 is asset number 983 of the chain.
//
//asset: group=g3
func Asset983(ctx context.Context, asset982, asset491 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset982)+len(asset491))
	out = append(out, asset982...)
	for _, r := range asset491 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset984 is asset number 984 of the chain.
//
//asset: group=g4
func Asset984(ctx context.Context, asset983, asset492 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset983)+len(asset492))
	out = append(out, asset983...)
	for _, r := range asset492 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset985 is asset number 985 of the chain.
//
//asset: group=g5
func Asset985(ctx context.Context, asset984, asset492 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset984)+len(asset492))
	out = append(out, asset984...)
	for _, r := range asset492 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset986 is asset number 986 of the chain.
//
//asset: group=g6
func Asset986(ctx context.Context, asset985, asset493 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset985)+len(asset493))
	out = append(out, asset985...)
	for _, r := range asset493 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset987 is asset number 987 of the chain.
//
//asset: group=g7
func Asset987(ctx context.Context, asset986, asset493 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset986)+len(asset493))
	out = append(out, asset986...)
	for _, r := range asset493 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset988 is asset number 988 of the chain.
//
//asset: group=g8
func Asset988(ctx context.Context, asset987, asset494 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset987)+len(asset494))
	out = append(out, asset987...)
	for _, r := range asset494 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset989 is asset number 989 of the chain.
//
//asset: group=g9
func Asset989(ctx context.Context, asset988, asset494 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset988)+len(asset494))
	out = append(out, asset988...)
	for _, r := range asset494 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset990 is asset number 990 of the chain.
//
//asset: group=g0
func Asset990(ctx context.Context, asset989, asset495 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset989)+len(asset495))
	out = append(out, asset989...)
	for _, r := range asset495 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset991 is asset number 991 of the chain.
//
//asset: group=g1
func Asset991(ctx context.Context, asset990, asset495 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset990)+len(asset495))
	out = append(out, asset990...)
	for _, r := range asset495 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset992 is asset number 992 of the chain.
//
//asset: group=g2
func Asset992(ctx context.Context, asset991, asset496 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset991)+len(asset496))
	out = append(out, asset991...)
	for _, r := range asset496 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset993 is asset number 993 of the chain.
//
//asset: group=g3
func Asset993(ctx context.Context, asset992, asset496 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset992)+len(asset496))
	out = append(out, asset992...)
	for _, r := range asset496 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset994 is asset number 994 of the chain.
//
//asset: group=g4
func Asset994(ctx context.Context, asset993, asset497 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset993)+len(asset497))
	out = append(out, asset993...)
	for _, r := range asset497 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset995 is asset number 995 of the chain.
//
//asset: group=g5
func Asset995(ctx context.Context, asset994, asset497 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset994)+len(asset497))
	out = append(out, asset994...)
	for _, r := range asset497 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset996 is asset number 996 of the chain.
//
//asset: group=g6
func Asset996(ctx context.Context, asset995, asset498 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset995)+len(asset498))
	out = append(out, asset995...)
	for _, r := range asset498 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset997 is asset number 997 of the chain.
//
//asset: group=g7
func Asset997(ctx context.Context, asset996, asset498 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset996)+len(asset498))
	out = append(out, asset996...)
	for _, r := range asset498 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset998 is asset number 998 of the chain.
//
//asset: group=g8
func Asset998(ctx context.Context, asset997, asset499 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset997)+len(asset499))
	out = append(out, asset997...)
	for _, r := range asset499 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}

// Asset999 is asset number 999 of the chain.
//
//asset: group=g9
func Asset999(ctx context.Context, asset998, asset499 []Row) ([]Row, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]Row, 0, len(asset998)+len(asset499))
	out = append(out, asset998...)
	for _, r := range asset499 {
		r.Score *= 2
		out = append(out, r)
	}
	return out, nil
}


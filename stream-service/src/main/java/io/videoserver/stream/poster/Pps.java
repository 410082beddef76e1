package io.videoserver.stream.poster;

/**
 * What the checks need of a picture parameter set; slice groups, whose maps JCodec sizes
 * by unchecked counts, are refused.
 */
record Pps(int id, int spsId, boolean bottomFieldPicOrder, boolean redundantPicCount) {

	static Pps read(Rbsp in) throws InvalidStreamException {
		int id = in.ue(255);
		int spsId = in.ue(31);
		in.flag();
		boolean bottomFieldPicOrder = in.flag();
		if (in.ue(7) != 0) {
			throw new InvalidStreamException("slice groups are not decoded");
		}
		in.ue(ParameterSets.MAX_REFS);
		in.ue(ParameterSets.MAX_REFS);
		in.bits(3);
		in.se();
		in.se();
		in.se();
		in.flag();
		in.flag();
		return new Pps(id, spsId, bottomFieldPicOrder, in.flag());
	}

}

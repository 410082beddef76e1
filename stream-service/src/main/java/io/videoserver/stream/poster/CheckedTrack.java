package io.videoserver.stream.poster;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;

import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.SeekableDemuxerTrack;
import org.jcodec.common.model.Packet;

/**
 * The video track as the decoder reads it, each sample checked first: the demuxer has
 * turned its NAL units' lengths into start codes (failing on a length beyond the sample),
 * and every parameter set and slice header, split as the decoder will split them, must
 * pass {@link ParameterSets}. It also stops a decode that was cancelled or that reads
 * more samples than a poster needs.
 */
final class CheckedTrack implements SeekableDemuxerTrack {

	private final SeekableDemuxerTrack track;

	private final DemuxerTrackMeta meta;

	private final ParameterSets sets;

	private int samplesLeft;

	CheckedTrack(SeekableDemuxerTrack track, DemuxerTrackMeta meta, ParameterSets sets, int maxSamples) {
		this.track = track;
		this.meta = meta;
		this.sets = sets;
		this.samplesLeft = maxSamples;
	}

	@Override
	public Packet nextFrame() throws IOException {
		if (Thread.currentThread().isInterrupted()) {
			throw new InterruptedIOException("The poster's decode was cancelled");
		}
		if (this.samplesLeft-- <= 0) {
			throw new InvalidStreamException("a poster takes more samples than allowed");
		}
		Packet packet = this.track.nextFrame();
		if (packet != null) {
			for (ByteBuffer nal : H264Utils.splitFrame(packet.getData().duplicate())) {
				this.sets.check(nal);
			}
		}
		return packet;
	}

	@Override
	public DemuxerTrackMeta getMeta() {
		return this.meta;
	}

	@Override
	public boolean gotoFrame(long frameNo) throws IOException {
		return this.track.gotoFrame(frameNo);
	}

	@Override
	public boolean gotoSyncFrame(long frameNo) throws IOException {
		return this.track.gotoSyncFrame(frameNo);
	}

	@Override
	public long getCurFrame() {
		return this.track.getCurFrame();
	}

	@Override
	public void seek(double second) throws IOException {
		this.track.seek(second);
	}

}

//! `use_cadence`: the guided session's cue at each pass (SES-5): a short
//! 880 Hz blip through Web Audio and a 30 ms vibration, each switchable.
//!
//! The cue fires when `beat` changes to a new value while it is `Some`, so a
//! skipped timer tick never plays a burst of cues, and a reload does not
//! play one for the beat it lands in. The blip plays right after the frame
//! that shows the new pass. The audio context is created on the first cue
//! and closed when the calling component is disposed. Vibration is
//! only asked for once the person has interacted with the page (browsers
//! refuse it before that).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Length of the blip, in seconds.
const BLIP_SECONDS: f64 = 0.06;
/// Pitch of the blip.
const BLIP_HZ: f32 = 880.0;
/// Length of the vibration, in milliseconds.
const VIBRATE_MS: u32 = 30;

fn user_has_interacted() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let activation = js_sys::Reflect::get(&window.navigator(), &"userActivation".into())
        .unwrap_or(JsValue::UNDEFINED);
    if activation.is_undefined() {
        // Browsers without the API do not gate vibration this way.
        return true;
    }
    js_sys::Reflect::get(&activation, &"hasBeenActive".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn blip(ctx: &web_sys::AudioContext) -> Result<(), JsValue> {
    if ctx.state() == web_sys::AudioContextState::Suspended {
        // Resuming needs a user gesture; without one the blip is silent.
        let _ = ctx.resume()?;
    }
    let osc = ctx.create_oscillator()?;
    osc.set_type(web_sys::OscillatorType::Sine);
    osc.frequency().set_value(BLIP_HZ);
    let gain = ctx.create_gain()?;
    let t = ctx.current_time();
    gain.gain().set_value_at_time(0.0001, t)?;
    gain.gain()
        .exponential_ramp_to_value_at_time(0.3, t + 0.005)?;
    gain.gain()
        .exponential_ramp_to_value_at_time(0.0001, t + BLIP_SECONDS)?;
    osc.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&ctx.destination())?;
    osc.start_with_when(t)?;
    osc.stop_with_when(t + BLIP_SECONDS + 0.01)?;
    Ok(())
}

/// Plays the blip through the kept audio context, made the first time. Does
/// nothing once the calling component is gone (its context is closed then).
fn play(audio: StoredValue<Option<web_sys::AudioContext>, LocalStorage>) {
    let Some(kept) = audio.try_with_value(|a| a.clone()) else {
        return;
    };
    let ctx = kept.or_else(|| {
        let created = web_sys::AudioContext::new().ok();
        audio.try_set_value(created.clone());
        created
    });
    if let Some(ctx) = ctx {
        if let Err(e) = blip(&ctx) {
            leptos::logging::warn!("use_cadence: no sound: {e:?}");
        }
    }
}

/// Plays the cue whenever `beat` moves to a new `Some` value, with sound
/// and vibration as `sound` and `vibration` say.
pub fn use_cadence(beat: Signal<Option<i64>>, sound: Signal<bool>, vibration: Signal<bool>) {
    let audio = StoredValue::new_local(None::<web_sys::AudioContext>);
    Effect::new(move |previous: Option<Option<i64>>| {
        let current = beat.get();
        let changed = matches!((previous.flatten(), current), (Some(a), Some(b)) if a != b);
        if changed {
            if sound.get_untracked() {
                // The blip plays right after the frame that shows the new
                // pass, so that making the audio context (the first time:
                // tens of milliseconds) is not part of a tap's response.
                crate::ui::schedule::after_next_paint(move || play(audio));
            }
            if vibration.get_untracked() && user_has_interacted() {
                if let Some(window) = web_sys::window() {
                    let _ = window.navigator().vibrate_with_duration(VIBRATE_MS);
                }
            }
        }
        current
    });
    on_cleanup(move || {
        if let Some(Some(ctx)) = audio.try_update_value(|a| a.take()) {
            let _ = ctx.close();
        }
    });
}

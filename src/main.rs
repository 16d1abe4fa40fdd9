//! The browser entry point: installs the panic hook (the console message
//! and a notice on the page, `ui::crash`) and starts the app.

fn main() {
    rollwise::ui::crash::install();
    rollwise::ui::start::start();
}

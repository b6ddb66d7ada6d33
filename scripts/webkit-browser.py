#!/usr/bin/python3
"""The WebKitGTK browser the test suite drives through WebKitWebDriver (scripts/engines.mjs).

MiniBrowser's automation session keeps its data in memory, where IndexedDB refuses Blobs; this one
keeps a profile of its own on disk (a fresh folder per launch, removed on exit), turns on the Storage
API (navigator.storage), gives pages the mock camera and allows their permission requests.
(WEBKIT_DISABLE_COMPOSITING_MODE must not be set: without compositing requestVideoFrameCallback
never fires, and the camera reads no frame.)
"""
import os
import shutil
import sys
import tempfile

import gi

gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gtk, WebKit2  # noqa: E402

NAME = 'VenueWidgetsWebKit'
FEATURES = {'StorageAPI', 'StorageAPIEstimate'}

profile = tempfile.mkdtemp(prefix='profile-', dir=os.environ.get('WEBKIT_PROFILES') or None)
data_manager = WebKit2.WebsiteDataManager(
    base_data_directory=os.path.join(profile, 'data'),
    base_cache_directory=os.path.join(profile, 'cache'),
)
# As the other engines' test profiles: third-party cookies accepted (the mock is another site than
# the test page). Blocking them is tested where a test can turn it on per page (Chromium).
data_manager.set_itp_enabled(False)
data_manager.get_cookie_manager().set_accept_policy(WebKit2.CookieAcceptPolicy.ALWAYS)
context = WebKit2.WebContext(website_data_manager=data_manager)
context.set_automation_allowed(True)

settings = WebKit2.Settings()
settings.set_enable_media_stream(True)
settings.set_enable_mock_capture_devices(True)
settings.set_enable_developer_extras(True)
settings.set_enable_write_console_messages_to_stdout(False)
features = WebKit2.Settings.get_all_features()
for index in range(features.get_length()):
    feature = features.get(index)
    if feature.get_identifier() in FEATURES:
        settings.set_feature_enabled(feature, True)

windows = []


def allow(_view, request):
    request.allow()
    return True


def create_view(_session=None):
    view = WebKit2.WebView(web_context=context, settings=settings, is_controlled_by_automation=True)
    view.connect('permission-request', allow)
    window = Gtk.Window()
    window.set_default_size(1280, 900)
    window.add(view)
    window.connect('destroy', lambda _w: windows.remove(window) if window in windows else None)
    window.show_all()
    windows.append(window)
    return view


def automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name(NAME)
    info.set_version(2, 50, 0)
    session.set_application_info(info)
    session.connect('create-web-view', create_view)


context.connect('automation-started', automation_started)


def main():
    try:
        Gtk.main()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    import signal

    signal.signal(signal.SIGTERM, lambda *_: Gtk.main_quit())
    signal.signal(signal.SIGINT, lambda *_: Gtk.main_quit())
    sys.exit(main())

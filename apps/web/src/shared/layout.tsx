import { type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useSession } from '../auth/session';
import { type Lang, useLang, useMessages } from './i18n';
import { layoutMessages } from './layout.messages';
import { roleMessages } from './roles.messages';

/** The frame of every signed-in page: skip link, the app's name, the main navigation, the person. */
export const Layout = ({ children }: { children: ReactNode }) => {
  const m = useMessages(layoutMessages);
  const roles = useMessages(roleMessages);
  const { lang, setLang } = useLang();
  const { me, signOut } = useSession();
  const unit = me?.user.unitId;
  return (
    <>
      <a className="skip" href="#main">
        {m.skip}
      </a>
      <header className="top">
        <div className="brand">{m.appName}</div>
        <nav aria-label={m.nav}>
          <ul>
            <li>
              <NavLink to={`/dashboard/${unit ?? ''}`}>{m.dashboard}</NavLink>
            </li>
            <li>
              <NavLink to={`/units/${unit ?? ''}/work`}>{m.work}</NavLink>
            </li>
            <li>
              <NavLink to="/reporting">{m.reporting}</NavLink>
            </li>
            <li>
              <NavLink to="/audit">{m.audit}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="who">
          <label>
            <span className="visually-hidden">{m.language}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          {me && (
            <span className="person" data-testid="signed-in-as">
              {me.user.displayName}
              <small>{me.roles.map((r) => roles[r as keyof typeof roles] ?? r).join(', ')}</small>
            </span>
          )}
          <button type="button" onClick={signOut}>
            {m.signOut}
          </button>
        </div>
      </header>
      {children}
    </>
  );
};

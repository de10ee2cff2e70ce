import { humanize } from '@/lib/humanize';
import type { EmergencyContact } from '../types';
import { emptyState, ProfileSection } from './ProfileSection';

function byPriority(a: EmergencyContact, b: EmergencyContact): number {
  return (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER);
}

export function ContactSection({ contacts }: { contacts: EmergencyContact[] | undefined }) {
  const empty = emptyState(contacts, {
    missing: 'Emergency contacts are not available.',
    empty: 'No emergency contacts on file.',
  });
  return (
    <ProfileSection title="Emergency contacts" emptyText={empty}>
      {contacts && contacts.length > 0 && (
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">Emergency contacts, in the order to call them</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Relationship</th>
                <th scope="col">Phone</th>
                <th scope="col">Email</th>
                <th scope="col">May pick up</th>
              </tr>
            </thead>
            <tbody>
              {[...contacts].sort(byPriority).map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">{contact.name}</th>
                  <td>{contact.relationship ? humanize(contact.relationship) : '—'}</td>
                  <td>
                    {contact.phones?.length ? (
                      // One number a line: side by side they ran together ("…0153Work: …").
                      <ul className="plain-list">
                        {contact.phones.map((phone) => (
                          <li key={`${phone.type}-${phone.number}`}>
                            {humanize(phone.type)}: <a href={`tel:${phone.number}`}>{phone.number}</a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{contact.email || '—'}</td>
                  <td>{contact.canPickUp === undefined ? '—' : contact.canPickUp ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ProfileSection>
  );
}
